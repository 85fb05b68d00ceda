package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.AgentRegistrationResponse;
import dev.sextant.api.DriftReportItem;
import dev.sextant.api.DriftReports;
import dev.sextant.api.FingerprintHistory;
import dev.sextant.api.LastKnownGood;
import dev.sextant.core.access.Permission;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.ParsedFingerprint;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.DriftStatus;
import dev.sextant.server.discovery.FingerprintJson;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.LoggedEvent;
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

  /**
   * Agents send JSON (a registration, a signed report); an operator records a fingerprint file as
   * JSON or YAML; marking the last known good takes no body.
   */
  void register(RouteTable app) {
    app.post("/api/v1/agents", RouteTable.JSON, Access.agent(), this::registerAgent);
    app.post("/api/v1/agents/{name}/fingerprints", RouteTable.JSON, Access.agent(), this::report);
    app.get("/api/v1/events", Access.somewhere(Permission.READ), this::events);
    app.get(
        "/api/v1/environments/{name}/fingerprints",
        Access.somewhere(Permission.READ),
        this::history);
    app.post(
        "/api/v1/environments/{name}/fingerprints",
        RouteTable.YAML_OR_JSON,
        Access.needs(Permission.RECORD, Access.Scope.PATH_ENVIRONMENT),
        this::record);
    app.get(
        "/api/v1/environments/{name}/fingerprints/latest",
        Access.somewhere(Permission.READ),
        ctx -> revision(ctx, services.discovery().latest(Params.environment(ctx))));
    app.get(
        "/api/v1/environments/{name}/fingerprints/{revision}",
        Access.somewhere(Permission.READ),
        ctx -> revision(ctx, services.discovery().revision(Params.environment(ctx), number(ctx))));
    app.post(
        "/api/v1/environments/{name}/last-known-good",
        RouteTable.NO_BODY,
        Access.needs(Permission.RECORD, Access.Scope.PATH_ENVIRONMENT),
        this::accept);
    app.get("/api/v1/environments/{name}/drift", Access.somewhere(Permission.READ), this::drift);
    app.get(
        "/api/v1/environments/{name}/drift/reports",
        Access.somewhere(Permission.READ),
        this::driftReports);
  }

  private void registerAgent(Context ctx) throws IOException {
    JsonNode body = Bodies.object(ctx);
    String name = Params.agent(Bodies.text(body, "name"));
    String environment = Bodies.text(body, "environment");
    String publicKey = Bodies.text(body, "publicKey");
    var outcome = services.discovery().register(Guard.bearer(ctx), name, environment, publicKey);
    Responses.record(
        ctx,
        outcome.change().word().equals("registered") ? 201 : 200,
        new AgentRegistrationResponse(
            name, environment, outcome.agent().keyId(), outcome.change().word()));
  }

  private void report(Context ctx) {
    String agent = Params.agent(ctx);
    byte[] body = Bodies.read(ctx, MAX_REPORT_BYTES);
    Bodies.requireJsonWhenDeclared(ctx, "<report>", body);
    FingerprintOutcome outcome = services.discovery().report(Guard.bearer(ctx), agent, body);
    Responses.record(ctx, 200, FingerprintJson.recorded(outcome));
  }

  private void record(Context ctx) {
    String environment = Params.environment(ctx);
    byte[] body = Bodies.read(ctx, MAX_REPORT_BYTES);
    Bodies.requireJsonWhenDeclared(ctx, source(ctx), body);
    ParsedFingerprint parsed = FingerprintFiles.read(source(ctx), body);
    if (!parsed.ok()) {
      throw new InvalidInputException(parsed.problems());
    }
    FingerprintOutcome outcome =
        services
            .discovery()
            .record(
                environment, parsed.orThrow(), "file:" + source(ctx), Guard.principal(ctx).name());
    Responses.record(ctx, 200, FingerprintJson.recorded(outcome));
  }

  private void history(Context ctx) {
    var history = services.discovery().history(Params.environment(ctx));
    if (history.isEmpty()) {
      throw ApiException.notFound(
          "environment " + ResourceRoutes.clean(ctx.pathParam("name")) + " has no fingerprint");
    }
    Responses.record(
        ctx, 200, new FingerprintHistory(history.stream().map(FingerprintJson::status).toList()));
  }

  private void revision(Context ctx, Optional<FingerprintRevision> revision) {
    FingerprintRevision found =
        revision.orElseThrow(
            () ->
                ApiException.notFound(
                    "no such fingerprint of environment "
                        + ResourceRoutes.clean(ctx.pathParam("name"))));
    Responses.record(ctx, 200, FingerprintJson.document(found));
  }

  private void accept(Context ctx) {
    String environment = Params.environment(ctx);
    Optional<Long> revision =
        Optional.ofNullable(ctx.queryParam("revision"))
            .map(r -> Params.positive(r, "query parameter revision", Long.MAX_VALUE));
    String by = Guard.principal(ctx).name();
    var marked = services.discovery().accept(environment, revision, by);
    Responses.record(
        ctx,
        200,
        LastKnownGood.of(
            FingerprintJson.status(marked.fingerprint().summary()),
            marked.markedBy(),
            marked.markedAt().toString()));
  }

  private void drift(Context ctx) {
    DriftStatus status = services.drift().status(Params.environment(ctx));
    Responses.record(ctx, 200, status.toRecord());
  }

  private void driftReports(Context ctx) {
    var items =
        services.drift().reports(Params.environment(ctx), limit(ctx)).stream()
            .map(
                r ->
                    new DriftReportItem(
                        r.id(),
                        r.checkedAt().toString(),
                        r.report().kind().word(),
                        r.report().baseline().value(),
                        r.report().current().value(),
                        r.report().differences(),
                        r.report().action().word(),
                        r.report().report()))
            .toList();
    Responses.record(ctx, 200, new DriftReports(items));
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

  private static String source(Context ctx) {
    return Params.text(ctx, ResourceRoutes.SOURCE_HEADER).orElse("<request>");
  }

  private static long number(Context ctx) {
    return Params.positive(
        ctx.pathParam("revision"), "a fingerprint revision (or 'latest')", Long.MAX_VALUE);
  }

  private static int limit(Context ctx) {
    return Params.limit(ctx, 100, EventQuery.MAX_LIMIT);
  }
}
