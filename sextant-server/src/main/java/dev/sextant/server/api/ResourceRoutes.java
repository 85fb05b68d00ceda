package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApplyResult;
import dev.sextant.api.ResourceHistory;
import dev.sextant.api.ResourceList;
import dev.sextant.api.ValidatedResource;
import dev.sextant.core.access.Permission;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.server.access.Principal;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.Revision;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The resource endpoints: apply, list, get, history and revisions. */
final class ResourceRoutes {
  /** A body holding several named inputs, so that one request applies many files atomically. */
  static final String INPUTS_MEDIA_TYPE = "application/vnd.sextant.inputs+json";

  /** Names the single input of a plain YAML or JSON body in problems, like a file name. */
  static final String SOURCE_HEADER = "X-Sextant-Source";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What apply takes: YAML or JSON (one input), or several named inputs. */
  static final java.util.Set<String> APPLY_MEDIA_TYPES =
      java.util.Set.of(
          "application/yaml",
          "application/x-yaml",
          "text/yaml",
          "application/json",
          INPUTS_MEDIA_TYPE);

  private final ResourceService service;
  private final long maxRequestBytes;
  private final RouteTable app;

  ResourceRoutes(ResourceService service, long maxRequestBytes, RouteTable app) {
    this.service = service;
    this.maxRequestBytes = maxRequestBytes;
    this.app = app;
  }

  void register() {
    app.post(
        "/api/v1/apply",
        APPLY_MEDIA_TYPES,
        Access.needs(Permission.APPLY, Access.Scope.REQUEST),
        this::apply);
    app.get(
        "/api/v1/resources", Access.somewhere(Permission.READ), ctx -> list(ctx, Optional.empty()));
    app.get(
        "/api/v1/{kind}",
        Access.somewhere(Permission.READ),
        ctx -> list(ctx, Optional.of(kindOrOtherRoute(ctx))));
    app.get("/api/v1/{kind}/{name}", Access.somewhere(Permission.READ), this::get);
    app.get("/api/v1/{kind}/{name}/revisions", Access.somewhere(Permission.READ), this::history);
    app.get(
        "/api/v1/{kind}/{name}/revisions/{revision}",
        Access.somewhere(Permission.READ),
        this::revision);
  }

  private void apply(Context ctx) throws IOException {
    List<Input> inputs = inputs(ctx, Bodies.read(ctx, maxRequestBytes));
    Principal principal = Guard.principal(ctx);
    Guard guard = app.guard();
    Consumer<List<Resource>> admit =
        resources -> guard.require(ctx, () -> admit(principal, resources, guard));
    if (Params.flag(ctx, "dryRun")) {
      ParseReport report = service.validate(inputs);
      if (!report.ok()) {
        throw new InvalidInputException(report.problems());
      }
      admit.accept(report.resources());
      List<ValidatedResource> resources =
          report.resources().stream()
              .map(r -> new ValidatedResource(r.kind().displayName(), r.name(), r.digest().value()))
              .toList();
      Responses.record(ctx, 200, ApplyResult.validated(resources));
      return;
    }
    var outcomes = service.apply(inputs, principal.name(), admit);
    Responses.record(
        ctx, 200, ApplyResult.applied(outcomes.stream().map(RevisionJson::applied).toList()));
  }

  /**
   * Who may apply what: an Environment takes administering it, under its new labels and its old
   * ones (so no one moves an environment into their own scope); a Policy reaches every environment,
   * so it takes administering all of them, as a Notifier does, which hears of every environment's
   * rollouts and sends them out; everything else belongs to no environment and takes {@code apply}
   * anywhere, which the route checked.
   */
  private static void admit(Principal principal, List<Resource> resources, Guard guard) {
    for (Resource resource : resources) {
      switch (resource.kind()) {
        case ENVIRONMENT -> {
          principal.require(Permission.ADMINISTER, resource.name(), resource.metadata().labels());
          principal.require(Permission.ADMINISTER, resource.name(), guard.labels(resource.name()));
        }
        case POLICY, NOTIFIER -> principal.requireEverywhere(Permission.ADMINISTER);
        default -> principal.requireSomewhere(Permission.APPLY);
      }
    }
  }

  private List<Input> inputs(Context ctx, byte[] body) throws IOException {
    if (!RouteTable.mediaType(ctx).equals(Optional.of(INPUTS_MEDIA_TYPE))) {
      String source = Params.text(ctx, SOURCE_HEADER).orElse("<request>");
      Bodies.requireJsonWhenDeclared(ctx, source, body);
      return List.of(new Input(source, body));
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest(
          "body is not valid JSON for " + INPUTS_MEDIA_TYPE + ": " + clean(e.getOriginalMessage()));
    }
    if (envelope == null || !envelope.path("inputs").isArray()) {
      throw ApiException.badRequest("expected {\"inputs\": [{\"name\": …, \"content\": base64}]}");
    }
    List<Input> inputs = new ArrayList<>();
    for (JsonNode item : envelope.get("inputs")) {
      if (!item.path("name").isTextual() || !item.path("content").isTextual()) {
        throw ApiException.badRequest("every input needs a text \"name\" and base64 \"content\"");
      }
      try {
        inputs.add(
            new Input(
                clean(item.get("name").asText()),
                Base64.getDecoder().decode(item.get("content").asText())));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "content of input \"" + clean(item.get("name").asText()) + "\" is not valid base64");
      }
    }
    return inputs;
  }

  private void list(Context ctx, Optional<Kind> kind) {
    Optional<Kind> filter =
        kind.isPresent()
            ? kind
            : Optional.ofNullable(ctx.queryParam("kind")).map(ResourceRoutes::kindNamed);
    List<Revision> revisions = service.list(filter, ctx.queryParam("labelSelector"));
    Responses.record(
        ctx,
        200,
        new ResourceList(
            Kind.API_VERSION, "List", revisions.stream().map(RevisionJson::resource).toList()));
  }

  private void get(Context ctx) {
    ResourceKey key = key(ctx);
    Revision revision =
        service.latest(key).orElseThrow(() -> ApiException.notFound(key + " not found"));
    Responses.record(ctx, 200, RevisionJson.resource(revision));
  }

  private void history(Context ctx) {
    ResourceKey key = key(ctx);
    List<Revision> history = service.history(key);
    if (history.isEmpty()) {
      throw ApiException.notFound(key + " not found");
    }
    Responses.record(
        ctx, 200, new ResourceHistory(history.stream().map(RevisionJson::statusOf).toList()));
  }

  private void revision(Context ctx) {
    ResourceKey key = key(ctx);
    long number = Params.positive(ctx.pathParam("revision"), "revision", Long.MAX_VALUE);
    Revision revision =
        service
            .revision(key, number)
            .orElseThrow(() -> ApiException.notFound(key + " has no revision " + number));
    Responses.record(ctx, 200, RevisionJson.resource(revision));
  }

  private static ResourceKey key(Context ctx) {
    return new ResourceKey(kind(ctx), ctx.pathParam("name"));
  }

  /**
   * The kind named, or 405 when the path is another route's taken with the wrong method ({@code GET
   * /api/v1/apply}): that route would otherwise be read as an unknown kind, a 404.
   */
  private Kind kindOrOtherRoute(Context ctx) {
    Optional<Kind> kind = Kind.fromUserInput(ctx.pathParam("kind"));
    if (kind.isPresent()) {
      return kind.get();
    }
    var allowed = app.allowed(ctx.path(), true);
    if (!allowed.isEmpty()) {
      throw ApiException.methodNotAllowed(ctx.method().name(), clean(ctx.path()), allowed);
    }
    return kind(ctx);
  }

  private static Kind kind(Context ctx) {
    return kindNamed(ctx.pathParam("kind"));
  }

  static Kind kindNamed(String text) {
    return Kind.fromUserInput(text)
        .orElseThrow(
            () -> ApiException.notFound("no such resource kind or route: \"" + clean(text) + "\""));
  }

  /** Keeps caller-supplied text printable and short before it is echoed or stored. */
  static String clean(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 256 ? printable : printable.substring(0, 256);
  }
}
