package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A sextant server reached over HTTP. Files are sent as they were read, so the server validates
 * the same bytes and reports the same problems; problem+json answers become the same exceptions
 * the local store throws.
 */
public final class RemoteBackend implements Backend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient api;
  private final Optional<String> token;

  public RemoteBackend(String url) {
    this(url, Optional.empty());
  }

  /**
   * @param token the agent token, sent with the requests that record discovery state (a
   *     fingerprint, the last known good one) until access control arrives
   */
  public RemoteBackend(String url, Optional<String> token) {
    this.token = token;
    try {
      this.api = new ApiClient(URI.create(url), Optional.empty());
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("--server \"" + url + "\" is not a valid URL; expected e.g. http://localhost:7070");
    }
  }

  @Override
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    ObjectNode envelope = JSON.createObjectNode();
    var list = envelope.putArray("inputs");
    inputs.forEach(i -> list.addObject().put("name", i.name()).put("content", Base64.getEncoder().encodeToString(i.bytes())));
    JsonNode body =
        call(() -> api.post("api/v1/apply", "application/vnd.sextant.inputs+json", envelope.toString().getBytes(StandardCharsets.UTF_8), Map.of("X-Sextant-Author", author)));
    List<ApplyOutcome> outcomes = new ArrayList<>();
    for (JsonNode result : body.path("results")) {
      Kind kind = Kind.fromDisplayName(result.path("kind").asText()).orElseThrow();
      ResourceKey key = new ResourceKey(kind, result.path("name").asText());
      outcomes.add(new ApplyOutcome(RevisionJson.fromStatus(key, result), RevisionJson.change(result.path("change").asText())));
    }
    return outcomes;
  }

  @Override
  public Optional<Revision> latest(ResourceKey key) {
    return get(path(key)).map(RevisionJson::fromJson);
  }

  @Override
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    String path = kind.map(k -> "api/v1/" + k.plural()).orElse("api/v1/resources");
    if (labelSelector != null && !labelSelector.isBlank()) {
      path += "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
    }
    List<Revision> revisions = new ArrayList<>();
    get(path).orElseThrow().path("items").forEach(item -> revisions.add(RevisionJson.fromJson(item)));
    return revisions;
  }

  @Override
  public List<Revision> history(ResourceKey key) {
    List<Revision> revisions = new ArrayList<>();
    get(path(key) + "/revisions").ifPresent(body -> body.path("items").forEach(item -> revisions.add(RevisionJson.fromStatus(key, item))));
    return revisions;
  }

  @Override
  public Optional<Revision> revision(ResourceKey key, long number) {
    return get(path(key) + "/revisions/" + number).map(RevisionJson::fromJson);
  }

  @Override
  public JsonNode drift(String environment) {
    return get("api/v1/environments/" + encode(environment) + "/drift").orElseThrow(() -> CliException.notFound("environment " + environment + " is not declared and has no fingerprint"));
  }

  @Override
  public Optional<JsonNode> latestFingerprint(String environment) {
    return get("api/v1/environments/" + encode(environment) + "/fingerprints/latest");
  }

  @Override
  public JsonNode acceptFingerprint(String environment, String by) {
    return call(() -> api.post("api/v1/environments/" + encode(environment) + "/last-known-good", "application/json", new byte[0], withToken(Map.of("X-Sextant-Author", by))));
  }

  @Override
  public JsonNode recordFingerprint(String environment, Input input) {
    return call(() -> api.post("api/v1/environments/" + encode(environment) + "/fingerprints", contentType(input), input.bytes(), withToken(Map.of("X-Sextant-Source", input.name()))));
  }

  /** The headers with the agent token added, for the calls that record discovery state. */
  private Map<String, String> withToken(Map<String, String> headers) {
    Map<String, String> all = new TreeMap<>(headers);
    token.ifPresent(t -> all.put("Authorization", "Bearer " + t));
    return all;
  }

  /** A fingerprint file is JSON or YAML; JSON starts with a brace, once blanks are skipped. */
  private static String contentType(Input input) {
    String text = new String(input.bytes(), StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") ? "application/json" : "application/yaml";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {}

  private static String path(ResourceKey key) {
    return "api/v1/" + key.kind().plural() + "/" + URLEncoder.encode(key.name(), StandardCharsets.UTF_8);
  }

  private Optional<JsonNode> get(String path) {
    return call(() -> api.get(path));
  }

  /** The answer of a call; a failure as the same exception the local store would throw. */
  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiProblem problem) {
      if (problem.kind() == ProblemKind.UNAUTHORIZED && token.isEmpty()) {
        throw CliException.invalid(
            "server refused the request (401): "
                + problem.getMessage()
                + "; set SEXTANT_AGENT_TOKEN or pass --token-file FILE");
      }
      throw ApiProblems.asCliFailure(problem);
    }
  }
}
