package dev.sextant.server.analysis.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A loopback HTTP server in Prometheus' place that answers every request with the status and body a
 * test recorded from a real Prometheus, and keeps the last request's path, parameters and
 * Authorization header for the test to check.
 */
public final class RecordedPrometheus implements AutoCloseable {
  private final HttpServer server;
  private volatile int status = 200;
  private volatile String body = "";
  private volatile String path = "";
  private volatile Map<String, String> params = Map.of();
  private volatile Optional<String> authorization = Optional.empty();

  public RecordedPrometheus() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          path = exchange.getRequestURI().getPath();
          params = params(exchange.getRequestURI().getRawQuery());
          authorization =
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Answers every request with this status and body from now on. */
  public RecordedPrometheus answers(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  /**
   * A success whose {@code data} is {@code resultType} and {@code result}, as Prometheus writes.
   */
  public RecordedPrometheus succeeds(String resultType, String result) {
    return answers(
        200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\""
            + resultType
            + "\",\"result\":"
            + result
            + "}}");
  }

  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String path() {
    return path;
  }

  public Map<String, String> params() {
    return params;
  }

  public Optional<String> authorization() {
    return authorization;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
