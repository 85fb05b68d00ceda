package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.ParsedFingerprint;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.DriftStatus;
import dev.sextant.server.discovery.FingerprintJson;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.FingerprintSummary;
import dev.sextant.server.store.LoggedEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** Agents, fingerprints, drift and the event log. */
final class DiscoveryRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_REPORT_BYTES = 4L << 20;

  private final Services services;

  DiscoveryRoutes(Services services) {
    this.services = services;
  }

  void register(Javalin app) {
    app.post("/api/v1/agents", this::registerAgent);
    app.post("/api/v1/agents/{name}/fingerprints", this::report);
    app.get("/api/v1/events", this::events);
    app.get("/api/v1/environments/{name}/fingerprints", this::history);
    app.post("/api/v1/environments/{name}/fingerprints", this::record);
    app.get("/api/v1/environments/{name}/fingerprints/latest", ctx -> revision(ctx, services.discovery().latest(ctx.pathParam("name"))));
    app.get("/api/v1/environments/{name}/fingerprints/{revision}", ctx -> revision(ctx, services.discovery().revision(ctx.pathParam("name"), number(ctx))));
    app.post("/api/v1/environments/{name}/last-known-good", this::accept);
    app.get("/api/v1/environments/{name}/drift", this::drift);
    app.get("/api/v1/environments/{name}/drift/reports", this::driftReports);
  }

  private void registerAgent(Context ctx) throws IOException {
    JsonNode body = json(ctx);
    String name = text(body, "name");
    String environment = text(body, "environment");
    String publicKey = text(body, "publicKey");
    var outcome = services.discovery().register(token(ctx), name, environment, publicKey);
    Responses.json(ctx, outcome.change().word().equals("registered") ? 201 : 200,
        JsonNodeFactory.instance.objectNode().put("name", name).put("environment", environment).put("keyId", outcome.agent().keyId()).put("change", outcome.change().word()));
  }

  private void report(Context ctx) {
    FingerprintOutcome outcome = services.discovery().report(token(ctx), ctx.pathParam("name"), Bodies.read(ctx, MAX_REPORT_BYTES));
    Responses.json(ctx, 200, FingerprintJson.outcome(outcome));
  }

  private void record(Context ctx) {
    ParsedFingerprint parsed = FingerprintFiles.read(source(ctx), Bodies.read(ctx, MAX_REPORT_BYTES));
    if (!parsed.ok()) {
      throw new InvalidInputException(parsed.problems());
    }
    FingerprintOutcome outcome = services.discovery().record(ctx.pathParam("name"), parsed.orThrow(), "file:" + source(ctx));
    Responses.json(ctx, 200, FingerprintJson.outcome(outcome));
  }

  private void history(Context ctx) {
    var history = services.discovery().history(ctx.pathParam("name"));
    if (history.isEmpty()) {
      throw ApiException.notFound("environment " + ResourceRoutes.clean(ctx.pathParam("name")) + " has no fingerprint");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    history.forEach(s -> items.add(FingerprintJson.summary(s)));
    Responses.json(ctx, 200, body);
  }

  private void revision(Context ctx, Optional<FingerprintRevision> revision) {
    FingerprintRevision found = revision.orElseThrow(() -> ApiException.notFound("no such fingerprint of environment " + ResourceRoutes.clean(ctx.pathParam("name"))));
    ObjectNode body = found.document();
    body.set("status", FingerprintJson.summary(found.summary()));
    Responses.json(ctx, 200, body);
  }

  private void accept(Context ctx) {
    Optional<Long> revision = Optional.ofNullable(ctx.queryParam("revision")).map(r -> {
      try {
        return Long.parseLong(r);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("revision must be a positive integer, found \"" + ResourceRoutes.clean(r) + "\"");
      }
    });
    String by = Optional.ofNullable(ctx.header(ResourceRoutes.AUTHOR_HEADER)).filter(a -> !a.isBlank()).map(ResourceRoutes::clean).orElse("anonymous");
    var marked = services.discovery().accept(ctx.pathParam("name"), revision, by);
    Responses.json(ctx, 200, FingerprintJson.summary(marked.fingerprint().summary()).put("markedBy", marked.markedBy()).put("markedAt", marked.markedAt().toString()));
  }

  private void drift(Context ctx) {
    DriftStatus status = services.drift().status(ctx.pathParam("name"));
    Responses.json(ctx, 200, status.toJson());
  }

  private void driftReports(Context ctx) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    services.drift().reports(ctx.pathParam("name"), limit(ctx)).forEach(r -> items.addObject()
        .put("id", r.id())
        .put("checkedAt", r.checkedAt().toString())
        .put("kind", r.report().kind().word())
        .put("baseline", r.report().baseline().value())
        .put("current", r.report().current().value())
        .put("differences", r.report().differences())
        .put("action", r.report().action().word())
        .set("report", r.report().report()));
    Responses.json(ctx, 200, body);
  }

  private void events(Context ctx) {
    EventQuery query = EventQuery.last(limit(ctx));
    if (ctx.queryParam("subject") != null) {
      query = query.about(ctx.queryParam("subject"));
    }
    if (ctx.queryParam("type") != null) {
      query = query.ofType(ctx.queryParam("type"));
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    for (LoggedEvent logged : services.events(query)) {
      items.add(EventJson.item(logged));
    }
    Responses.json(ctx, 200, body);
  }

  private static Optional<String> token(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).trim());
  }

  private static String source(Context ctx) {
    return Optional.ofNullable(ctx.header(ResourceRoutes.SOURCE_HEADER)).filter(s -> !s.isBlank()).map(ResourceRoutes::clean).orElse("<request>");
  }

  private static long number(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("revision"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("revision must be a positive integer or 'latest', found \"" + ResourceRoutes.clean(ctx.pathParam("revision")) + "\"");
    }
  }

  private static int limit(Context ctx) {
    String text = Optional.ofNullable(ctx.queryParam("limit")).orElse("100");
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("limit must be between 1 and " + EventQuery.MAX_LIMIT + ", found \"" + ResourceRoutes.clean(text) + "\"");
  }

  private static JsonNode json(Context ctx) throws IOException {
    try {
      JsonNode body = JSON.readTree(Bodies.read(ctx, 64 << 10));
      if (body == null || !body.isObject()) {
        throw ApiException.badRequest("expected a JSON object");
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest("expected a text field \"" + field + "\"");
    }
    return value.asText();
  }
}
