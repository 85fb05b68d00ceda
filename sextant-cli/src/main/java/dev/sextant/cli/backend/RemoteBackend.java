package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A sextant server reached over HTTP. Files are sent as they were read, so the server validates
 * the same bytes and reports the same problems; problem+json answers become the same exceptions
 * the local store throws.
 */
public final class RemoteBackend implements Backend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
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
      URI parsed = URI.create(url.endsWith("/") ? url : url + "/");
      if (parsed.getScheme() == null || !parsed.getScheme().matches("https?") || parsed.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      this.base = parsed;
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("--server \"" + url + "\" is not a valid URL; expected e.g. http://localhost:7070");
    }
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    ObjectNode envelope = JSON.createObjectNode();
    var list = envelope.putArray("inputs");
    inputs.forEach(i -> list.addObject().put("name", i.name()).put("content", Base64.getEncoder().encodeToString(i.bytes())));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/apply"))
            .header("Content-Type", "application/vnd.sextant.inputs+json")
            .header("X-Sextant-Author", author)
            .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()))
            .build();
    JsonNode body = send(request).orElseThrow();
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
    return send(withToken(HttpRequest.newBuilder(base.resolve("api/v1/environments/" + encode(environment) + "/last-known-good"))).header("X-Sextant-Author", by).POST(HttpRequest.BodyPublishers.noBody()).build()).orElseThrow();
  }

  @Override
  public JsonNode recordFingerprint(String environment, Input input) {
    return send(withToken(HttpRequest.newBuilder(base.resolve("api/v1/environments/" + encode(environment) + "/fingerprints"))).header("Content-Type", contentType(input)).header("X-Sextant-Source", input.name()).POST(HttpRequest.BodyPublishers.ofByteArray(input.bytes())).build()).orElseThrow();
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
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
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /** The body of a 2xx answer; empty for 404; an exception for every other answer. */
  private Optional<JsonNode> send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.unavailable("cannot reach the server at " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.unavailable("interrupted while waiting for the server", e);
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Optional.of(body);
    }
    if (status == 404 && body.path("type").asText().endsWith("/not-found")) {
      if (request.method().equals("GET")) {
        return Optional.empty();
      }
      throw CliException.notFound(body.path("detail").asText("not found"));
    }
    if (status == 422 && body.has("problems")) {
      List<Problem> problems = new ArrayList<>();
      body.get("problems").forEach(p -> problems.add(new Problem(p.path("source").asText(), new Position(p.path("line").asInt(), p.path("column").asInt()), p.path("field").asText(), p.path("message").asText())));
      throw new InvalidInputException(problems);
    }
    String detail = body.path("detail").asText(response.body());
    if (status == 409 && body.path("type").asText().endsWith("/write-conflict")) {
      throw CliException.conflict(detail);
    }
    if (status == 401) {
      throw CliException.invalid("server refused the request (401): " + detail + (token.isEmpty() ? "; set SEXTANT_AGENT_TOKEN or pass --token-file FILE" : ""));
    }
    if (status / 100 == 4) {
      throw CliException.invalid("server refused the request (" + status + "): " + detail);
    }
    throw CliException.unavailable("server error (" + status + "): " + detail, null);
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("detail", body.length() > 200 ? body.substring(0, 200) : body);
    }
  }
}
