package dev.sextant.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a plan was made from, recorded with it so that it can be made again: who asked and
 * when (policies see both), whether drift blocked the environment, and named sets of the stored
 * revisions it read ({@link #RELEASE}, {@link #ENVIRONMENT}, {@link #POLICIES}, {@link
 * #ENVIRONMENTS}, {@link #RELEASES} in place, {@link #FINGERPRINT}, the {@link #TRUSTED_KEYS} that
 * signatures and provenance were checked against). A new kind of input is one more name: the sets
 * are open, and each has the same digest rule.
 */
public record PlanInputs(
    String requester,
    Instant at,
    boolean driftBlocked,
    SortedMap<String, List<InputRevision>> named) {
  public static final String RELEASE = "release";
  public static final String ENVIRONMENT = "environment";
  public static final String POLICIES = "policies";
  public static final String ENVIRONMENTS = "environments";
  public static final String RELEASES = "releases";
  public static final String FINGERPRINT = "fingerprint";
  public static final String TRUSTED_KEYS = "trustedKeys";

  private static final Comparator<InputRevision> ORDER =
      Comparator.comparing(InputRevision::name).thenComparingLong(InputRevision::revision);

  public PlanInputs {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(at, "at");
    SortedMap<String, List<InputRevision>> sorted = new TreeMap<>();
    named.forEach((name, set) -> sorted.put(name, set.stream().sorted(ORDER).toList()));
    named = Collections.unmodifiableSortedMap(sorted);
  }

  /** The one revision of a single-valued set, such as {@link #RELEASE}. */
  public InputRevision one(String name) {
    List<InputRevision> set = named.getOrDefault(name, List.of());
    if (set.size() != 1) {
      throw new IllegalStateException("the plan's input " + name + " is not one revision");
    }
    return set.get(0);
  }

  /**
   * The digest of a set: SHA-256 over the canonical JSON of its {@code [name, revision, digest]}
   * triples sorted by name and revision, so that anyone can recompute it from the revisions alone.
   * The policy set's digest is this over {@link #POLICIES}.
   */
  public Digest digest(String name) {
    ArrayNode triples = JsonNodeFactory.instance.arrayNode();
    for (InputRevision input : named.getOrDefault(name, List.of())) {
      triples.addArray().add(input.name()).add(input.revision()).add(input.digest().value());
    }
    return Digest.sha256(CanonicalJson.bytes(triples));
  }

  /**
   * The digests a {@code plan.submitted} ledger entry carries: {@code release}, {@code
   * environment}, {@code fingerprint} (each the one revision's digest), {@code policySet} and
   * {@code trustedKeys} (the digest of that set, when recorded).
   */
  public SortedMap<String, Digest> digests() {
    SortedMap<String, Digest> digests = new TreeMap<>();
    digests.put(RELEASE, one(RELEASE).digest());
    digests.put(ENVIRONMENT, one(ENVIRONMENT).digest());
    digests.put(FINGERPRINT, one(FINGERPRINT).digest());
    digests.put("policySet", digest(POLICIES));
    if (named.containsKey(TRUSTED_KEYS)) {
      digests.put(TRUSTED_KEYS, digest(TRUSTED_KEYS));
    }
    return digests;
  }

  /** As stored in a plan's {@code inputs} column. */
  public ObjectNode json() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("requester", requester).put("at", at.toString()).put("driftBlocked", driftBlocked);
    ObjectNode sets = json.putObject("named");
    named.forEach(
        (name, set) -> {
          ArrayNode items = sets.putArray(name);
          set.forEach(
              input ->
                  items
                      .addObject()
                      .put("name", input.name())
                      .put("revision", input.revision())
                      .put("digest", input.digest().value()));
        });
    return json;
  }

  /**
   * @throws IllegalArgumentException when the JSON is not what {@link #json()} writes
   */
  public static PlanInputs of(JsonNode json) {
    SortedMap<String, List<InputRevision>> named = new TreeMap<>();
    for (Map.Entry<String, JsonNode> set : json.path("named").properties()) {
      List<InputRevision> items = new ArrayList<>();
      for (JsonNode item : set.getValue()) {
        items.add(
            new InputRevision(
                required(item, "name").asText(),
                required(item, "revision").asLong(),
                new Digest(required(item, "digest").asText())));
      }
      named.put(set.getKey(), items);
    }
    return new PlanInputs(
        required(json, "requester").asText(),
        Instant.parse(required(json, "at").asText()),
        json.path("driftBlocked").asBoolean(),
        named);
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("a plan's recorded inputs have no " + field);
    }
    return value;
  }
}
