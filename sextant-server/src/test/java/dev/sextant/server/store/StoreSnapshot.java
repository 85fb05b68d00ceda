package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the stores read back, as one JSON tree in a stable form: every resource's history,
 * every environment's fingerprint history and last known good, every agent, every event and every
 * environment's drift reports. Two stores that read back alike have equal {@link #text} forms, so
 * an upgrade test can compare what the new code reads with what the old code read.
 */
final class StoreSnapshot {
  /** The most drift reports of one environment, or events, that a snapshot holds. */
  private static final int MAX_ROWS = 10_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private StoreSnapshot() {}

  /** What the stores read back, as a tree (not yet canonical: see {@link #text}). */
  static ObjectNode of(Database database) {
    return database.read("take a snapshot", StoreSnapshot::of);
  }

  private static ObjectNode of(Transaction tx) {
    ObjectNode snapshot = NODES.objectNode();
    snapshot.set("resources", resources(tx.resources()));
    snapshot.set("fingerprints", fingerprints(tx.fingerprints()));
    snapshot.set("agents", agents(tx.agents()));
    snapshot.set("events", events(tx.events()));
    snapshot.set("driftReports", driftReports(tx));
    // Every event of the fixture is read as its typed event too, so an old row that no longer
    // decodes fails here.
    tx.events().list(EventQuery.last(MAX_ROWS)).forEach(LoggedEvent::event);
    return snapshot;
  }

  /**
   * The tree as pretty-printed canonical JSON (object keys sorted), ending in a newline: the form
   * the expected file is written in and compared in. Numbers are compared by value and written in
   * plain decimal form: the V2 stores read the numbers of a document back as doubles (the stored
   * {@code 0.0003} reads back as {@code 3.0E-4}), and a later version that reads them exactly must
   * still compare equal.
   */
  static String text(JsonNode tree) {
    try {
      // CanonicalJson sorts keys; reading its output back keeps that order.
      JsonNode canonical = JSON.readTree(CanonicalJson.string(tree));
      return JSON.writeValueAsString(byValue(canonical)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("canonical JSON always reads back", e);
    }
  }

  /** The tree with every non-integral number as its decimal value without trailing zeros. */
  private static JsonNode byValue(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(field -> out.set(field.getKey(), byValue(field.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(element -> out.add(byValue(element)));
      return out;
    }
    if (node.isNumber() && !node.isIntegralNumber()) {
      return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
    }
    return node;
  }

  /** Every resource of every kind, by kind and name, each with its whole history. */
  private static ArrayNode resources(ResourceRepository store) {
    ArrayNode out = NODES.arrayNode();
    List<ResourceKey> keys =
        store.list(Optional.empty(), LabelSelector.EVERYTHING).stream()
            .map(Revision::key)
            .sorted()
            .toList();
    for (ResourceKey key : keys) {
      ObjectNode resource = out.addObject();
      resource.put("kind", key.kind().displayName());
      resource.put("name", key.name());
      ArrayNode history = resource.putArray("history");
      for (Revision revision : store.history(key)) {
        ObjectNode entry = history.addObject();
        entry.put("kind", revision.key().kind().displayName());
        entry.put("name", revision.key().name());
        entry.put("revision", revision.number());
        entry.put("digest", revision.digest().value());
        entry.put("author", revision.author());
        entry.put("createdAt", time(revision.createdAt()));
        entry.set("document", revision.document());
      }
    }
    return out;
  }

  /** Every environment with fingerprints: each revision (summary and document), last known good. */
  private static ArrayNode fingerprints(FingerprintRepository store) {
    ArrayNode out = NODES.arrayNode();
    for (String environment : store.environments()) {
      ObjectNode entry = out.addObject();
      entry.put("environment", environment);
      ArrayNode history = entry.putArray("history");
      for (FingerprintSummary summary : store.history(environment)) {
        ObjectNode revision = summary(summary);
        revision.set(
            "document", store.revision(environment, summary.number()).orElseThrow().document());
        history.add(revision);
      }
      Optional<LastKnownGood> good = store.lastKnownGood(environment);
      if (good.isPresent()) {
        ObjectNode lastKnownGood = entry.putObject("lastKnownGood");
        lastKnownGood.put("revision", good.get().fingerprint().number());
        lastKnownGood.put("digest", good.get().fingerprint().digest().value());
        lastKnownGood.put("markedAt", time(good.get().markedAt()));
        lastKnownGood.put("markedBy", good.get().markedBy());
      } else {
        entry.putNull("lastKnownGood");
      }
    }
    return out;
  }

  private static ObjectNode summary(FingerprintSummary summary) {
    ObjectNode out = NODES.objectNode();
    out.put("environment", summary.environment());
    out.put("revision", summary.number());
    out.put("digest", summary.digest().value());
    out.put("platformDigest", summary.layers().platform().value());
    out.put("dependenciesDigest", summary.layers().dependencies().value());
    out.put("artifactsDigest", summary.layers().artifacts().value());
    out.put("collectedAt", time(summary.collectedAt()));
    out.put("receivedAt", time(summary.receivedAt()));
    out.put("source", summary.source());
    out.put("signerKeyId", summary.signerKeyId().orElse(null));
    return out;
  }

  private static ArrayNode agents(AgentRepository registry) {
    ArrayNode out = NODES.arrayNode();
    for (Agent agent : registry.list()) {
      ObjectNode entry = out.addObject();
      entry.put("name", agent.name());
      entry.put("environment", agent.environment());
      entry.put("publicKey", agent.publicKey());
      entry.put("keyId", agent.keyId());
      entry.put("registeredAt", time(agent.registeredAt()));
      entry.put("lastSeenAt", time(agent.lastSeenAt()));
    }
    return out;
  }

  /** Every event, oldest first; a snapshot holds at most {@link #MAX_ROWS} of them. */
  private static ArrayNode events(EventRepository log) {
    ArrayNode out = NODES.arrayNode();
    for (LoggedEvent logged : log.list(EventQuery.last(MAX_ROWS))) {
      EventEnvelope event = logged.envelope();
      ObjectNode entry = out.addObject();
      entry.put("sequence", logged.sequence());
      entry.put("time", time(logged.time()));
      entry.put("type", event.type());
      entry.put("subject", event.subject());
      entry.put("outcome", event.outcome());
      entry.put("reason", event.reason().orElse(null));
      ObjectNode inputs = entry.putObject("inputs");
      event.inputs().forEach((name, digest) -> inputs.put(name, digest.value()));
      entry.set("detail", event.detail());
    }
    return out;
  }

  /**
   * The drift reports of every environment that is declared or has fingerprints (the store lists
   * reports by environment only), oldest first, and the ids of those that block it; environments
   * without reports are left out.
   */
  private static ArrayNode driftReports(Transaction stores) {
    SortedSet<String> environments = new TreeSet<>(stores.fingerprints().environments());
    stores.resources().list(Optional.of(Kind.ENVIRONMENT), LabelSelector.EVERYTHING).stream()
        .map(revision -> revision.key().name())
        .forEach(environments::add);
    ArrayNode out = NODES.arrayNode();
    for (String environment : environments) {
      List<StoredDriftReport> reports = stores.driftReports().list(environment, MAX_ROWS);
      if (reports.isEmpty()) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("environment", environment);
      ArrayNode blockers = entry.putArray("blockers");
      stores.driftReports().blockers(environment).stream()
          .mapToLong(StoredDriftReport::id)
          .sorted()
          .forEach(blockers::add);
      ArrayNode list = entry.putArray("reports");
      for (StoredDriftReport stored : reports) {
        DriftReportRecord record = stored.report();
        ObjectNode report = list.addObject();
        report.put("id", stored.id());
        report.put("checkedAt", time(stored.checkedAt()));
        report.put("digest", stored.digest().value());
        report.put("environment", record.environment());
        report.put("kind", record.kind().word());
        report.put("baseline", record.baseline().value());
        report.put("current", record.current().value());
        report.put("differences", record.differences());
        report.put("action", record.action().word());
        report.set("report", record.report());
      }
    }
    return out;
  }

  private static String time(Instant instant) {
    return instant.toString();
  }
}
