package dev.sextant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The one HTTP client of the API, for every caller: JSON requests and answers, problem+json turned
 * into {@link ApiProblem}s, and Server-Sent Events streams. A bearer token, when given, travels in
 * the {@code Authorization} header only, never in a message.
 *
 * <p>Tests and tools that must look at the raw answer (its status, its headers, a problem's fields)
 * use {@link #exchange}, which returns any answer as it came; {@link #healthy} asks whether a
 * server answers at all.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration ANSWER = Duration.ofSeconds(60);

  private final URI base;
  private final Optional<String> token;
  private final Duration answer;
  private final HttpClient http;

  /**
   * A client of the server at {@code base} ({@code http://host:port}).
   *
   * @throws IllegalArgumentException when {@code base} is not an http or https URL with a host
   */
  public ApiClient(URI base, Optional<String> token) {
    this(base, token, ANSWER);
  }

  /**
   * A client of the server at {@code base} that waits at most {@code answer} for the answer to each
   * request (60 seconds otherwise; streams wait longer), and then fails it as unreachable.
   *
   * @throws IllegalArgumentException when {@code base} is not an http or https URL with a host, or
   *     {@code answer} is not positive
   */
  public ApiClient(URI base, Optional<String> token, Duration answer) {
    if (answer.isNegative() || answer.isZero()) {
      throw new IllegalArgumentException("the answer timeout must be positive: " + answer);
    }
    if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
      throw new IllegalArgumentException(
          "not an http(s) URL of a server: " + base + "; expected e.g. http://localhost:7070");
    }
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.token = token;
    this.answer = answer;
    this.http = client(this.base);
  }

  public URI base() {
    return base;
  }

  /**
   * The JSON at {@code path}; empty when the server says there is no such thing (404 of type
   * not-found, not a 404 of some other server at that address).
   */
  public Optional<JsonNode> get(String path) {
    try {
      return Optional.of(send(request(path).GET().build()));
    } catch (ApiProblem problem) {
      if (problem.kind() == ProblemKind.NOT_FOUND && problem.type().endsWith("/not-found")) {
        return Optional.empty();
      }
      throw problem;
    }
  }

  /**
   * The plain text at {@code path} (an instance's log, say), as the server sent it.
   *
   * @throws ApiProblem for any answer that is not a success, a 404 too
   */
  public String text(String path) {
    return text(path, "text/plain");
  }

  /**
   * The body at {@code path} as the server sent it, asking for that media type: a document whose
   * exact bytes matter, such as an evidence bundle, which parsing and writing again could change.
   *
   * @throws ApiProblem for any answer that is not a success, a 404 too
   */
  public String text(String path, String mediaType) {
    HttpResponse<String> response =
        call(
            request(path).header("Accept", mediaType).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw problem(response.statusCode(), response.body());
    }
    return response.body();
  }

  /** Posts a body of that media type, with extra headers, and returns the JSON answer. */
  public JsonNode post(String path, String mediaType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", mediaType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Posts a JSON object and returns the JSON answer. */
  public JsonNode post(String path, JsonNode body) {
    return post(
        path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /**
   * Sends a request as given and returns the answer as it came, whatever its status: for tests and
   * tools that look at the raw answer. The client's token travels as with every request; a header
   * given here replaces the client's header of that name (an {@code Authorization} of its own,
   * say).
   *
   * @param method the HTTP method, e.g. {@code GET}, {@code POST}, {@code DELETE}
   * @param path the path and query, e.g. {@code /api/v1/services?labelSelector=...}, resolved
   *     against the base
   * @param headers extra request headers; not those the HTTP client sets itself ({@code Host},
   *     {@code Content-Length}, {@code Connection}...)
   * @param body the request body; {@code null} or empty for none
   * @throws ApiProblem of status 0 ({@link ProblemKind#UNAVAILABLE}) only when no answer came: the
   *     server could not be reached, or did not answer within the timeout
   * @throws IllegalArgumentException when the path, the method or a header is not one that can be
   *     sent
   */
  public ApiResponse exchange(
      String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::setHeader);
    HttpResponse<String> response =
        call(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
  }

  /**
   * Whether the server answers {@code GET /healthz} with 200 within {@code timeout}. False for any
   * other answer, none in time, or no server at all; it never throws.
   */
  public boolean healthy(Duration timeout) {
    try {
      HttpRequest request = request("/healthz").timeout(timeout).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Reads the Server-Sent Events stream at {@code path}, handing each event to {@code each} until
   * it returns false or the server ends the stream.
   */
  public void stream(String path, Predicate<ServerSentEvent> each) {
    HttpRequest request =
        request(path)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofDays(1))
            .GET()
            .build();
    HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      if (response.statusCode() / 100 != 2) {
        throw problem(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      ServerSentEvents.read(lines, each);
    } catch (IOException e) {
      throw ApiProblem.unreachable("the stream from " + base + " broke: " + describe(e));
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(answer);
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response =
        call(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw problem(response.statusCode(), response.body());
    }
    return parse(response.body());
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw ApiProblem.unreachable("cannot reach the server at " + base + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiProblem.unreachable("interrupted while waiting for the server at " + base);
    }
  }

  private static ApiProblem problem(int status, String text) {
    JsonNode body = parse(text);
    String type = body.path("type").asText("about:blank");
    String detail = body.path("detail").asText(text.length() > 200 ? text.substring(0, 200) : text);
    if (detail.isBlank()) {
      detail = "HTTP " + status;
    }
    List<ApiProblem.InputProblem> problems = new ArrayList<>();
    body.path("problems")
        .forEach(
            p ->
                problems.add(
                    new ApiProblem.InputProblem(
                        p.path("source").asText(),
                        p.path("line").asInt(),
                        p.path("column").asInt(),
                        p.path("field").asText(),
                        p.path("message").asText())));
    return new ApiProblem(status, type, ProblemKind.of(status, type), detail, problems);
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode()
          .put("detail", text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Over plain http the client never uses TLS, so it gets a context that trusts nothing instead of
   * the JDK's default, whose trust store costs a command about 150 ms to load.
   */
  private static HttpClient client(URI base) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT);
    if (base.getScheme().equals("http")) {
      try {
        SSLContext unused = SSLContext.getInstance("TLS");
        unused.init(new KeyManager[0], new TrustManager[0], null);
        builder.sslContext(unused);
      } catch (GeneralSecurityException e) {
        // The default context then: slower to start, and just as unused.
      }
    }
    return builder.build();
  }
}
