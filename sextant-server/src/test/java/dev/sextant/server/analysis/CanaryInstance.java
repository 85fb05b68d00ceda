package dev.sextant.server.analysis;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A canary instance on loopback serving Prometheus text at /metrics, whose request counters the
 * test advances between scrapes, or whatever status and body the test wants instead.
 */
public final class CanaryInstance implements AutoCloseable {
  private final HttpServer server;
  private long ok;
  private long errors;
  private volatile int status = 200;
  private volatile String body;

  public CanaryInstance() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    requests(0, 0);
  }

  /** Serves {@code more} requests more, {@code moreErrors} of them answered 500. */
  public synchronized CanaryInstance requests(long more, long moreErrors) {
    ok += more - moreErrors;
    errors += moreErrors;
    status = 200;
    body =
        """
        # HELP http_requests_total Requests served.
        # TYPE http_requests_total counter
        http_requests_total{code="200",method="GET"} %d
        http_requests_total{code="500",method="GET"} %d
        # TYPE process_start_time_seconds gauge
        process_start_time_seconds 1.7e9
        """
            .formatted(ok, errors);
    return this;
  }

  /** Answers every scrape with this status and body from now on. */
  public void serve(int status, String body) {
    this.status = status;
    this.body = body;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
