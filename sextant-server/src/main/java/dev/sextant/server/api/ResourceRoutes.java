package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.Revision;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The resource endpoints: apply, list, get, history and revisions. */
final class ResourceRoutes {
  /** A body holding several named inputs, so that one request applies many files atomically. */
  static final String INPUTS_MEDIA_TYPE = "application/vnd.sextant.inputs+json";
  /** Names the single input of a plain YAML or JSON body in problems, like a file name. */
  static final String SOURCE_HEADER = "X-Sextant-Source";
  /** Who applies the change, until API tokens say who the caller is. */
  static final String AUTHOR_HEADER = "X-Sextant-Author";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceService service;
  private final long maxRequestBytes;

  ResourceRoutes(ResourceService service, long maxRequestBytes) {
    this.service = service;
    this.maxRequestBytes = maxRequestBytes;
  }

  void register(Javalin app) {
    app.post("/api/v1/apply", this::apply);
    app.get("/api/v1/resources", ctx -> list(ctx, Optional.empty()));
    app.get("/api/v1/{kind}", ctx -> list(ctx, Optional.of(kind(ctx))));
    app.get("/api/v1/{kind}/{name}", this::get);
    app.get("/api/v1/{kind}/{name}/revisions", this::history);
    app.get("/api/v1/{kind}/{name}/revisions/{revision}", this::revision);
  }

  private void apply(Context ctx) throws IOException {
    List<Input> inputs = inputs(ctx, Bodies.read(ctx, maxRequestBytes));
    if (Boolean.parseBoolean(ctx.queryParam("dryRun"))) {
      ParseReport report = service.validate(inputs);
      if (!report.ok()) {
        throw new InvalidInputException(report.problems());
      }
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("valid", true);
      var items = body.putArray("resources");
      report.resources().forEach(r -> items.addObject().put("kind", r.kind().displayName()).put("name", r.name()).put("digest", r.digest().value()));
      Responses.json(ctx, 200, body);
      return;
    }
    String author = Optional.ofNullable(ctx.header(AUTHOR_HEADER)).filter(a -> !a.isBlank()).map(ResourceRoutes::clean).orElse("anonymous");
    var outcomes = service.apply(inputs, author);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var results = body.putArray("results");
    outcomes.forEach(o -> results.add(RevisionJson.outcome(o)));
    Responses.json(ctx, 200, body);
  }

  private List<Input> inputs(Context ctx, byte[] body) throws IOException {
    String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
    if (!contentType.startsWith(INPUTS_MEDIA_TYPE)) {
      String source = Optional.ofNullable(ctx.header(SOURCE_HEADER)).filter(s -> !s.isBlank()).map(ResourceRoutes::clean).orElse("<request>");
      return List.of(new Input(source, body));
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("body is not valid JSON for " + INPUTS_MEDIA_TYPE);
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
        inputs.add(new Input(clean(item.get("name").asText()), Base64.getDecoder().decode(item.get("content").asText())));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("content of input \"" + clean(item.get("name").asText()) + "\" is not valid base64");
      }
    }
    return inputs;
  }

  private void list(Context ctx, Optional<Kind> kind) {
    Optional<Kind> filter = kind.isPresent() ? kind : Optional.ofNullable(ctx.queryParam("kind")).map(ResourceRoutes::kindNamed);
    List<Revision> revisions = service.list(filter, ctx.queryParam("labelSelector"));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", Kind.API_VERSION);
    body.put("kind", "List");
    var items = body.putArray("items");
    revisions.forEach(r -> items.add(RevisionJson.toJson(r)));
    Responses.json(ctx, 200, body);
  }

  private void get(Context ctx) {
    ResourceKey key = key(ctx);
    Revision revision = service.latest(key).orElseThrow(() -> ApiException.notFound(key + " not found"));
    Responses.json(ctx, 200, RevisionJson.toJson(revision));
  }

  private void history(Context ctx) {
    ResourceKey key = key(ctx);
    List<Revision> history = service.history(key);
    if (history.isEmpty()) {
      throw ApiException.notFound(key + " not found");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    history.forEach(r -> items.add(RevisionJson.status(r)));
    Responses.json(ctx, 200, body);
  }

  private void revision(Context ctx) {
    ResourceKey key = key(ctx);
    long number;
    try {
      number = Long.parseLong(ctx.pathParam("revision"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("revision must be a positive integer, found \"" + clean(ctx.pathParam("revision")) + "\"");
    }
    Revision revision = service.revision(key, number).orElseThrow(() -> ApiException.notFound(key + " has no revision " + number));
    Responses.json(ctx, 200, RevisionJson.toJson(revision));
  }

  private static ResourceKey key(Context ctx) {
    return new ResourceKey(kind(ctx), ctx.pathParam("name"));
  }

  private static Kind kind(Context ctx) {
    return kindNamed(ctx.pathParam("kind"));
  }

  static Kind kindNamed(String text) {
    return Kind.fromUserInput(text).orElseThrow(() -> ApiException.notFound("no such resource kind or route: \"" + clean(text) + "\""));
  }

  /** Keeps caller-supplied text printable and short before it is echoed or stored. */
  static String clean(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 256 ? printable : printable.substring(0, 256);
  }
}
