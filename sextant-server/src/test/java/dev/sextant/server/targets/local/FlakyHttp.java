package dev.sextant.server.targets.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service whose errors start when told, run as a real process for {@link ErrorOnsetBenchmark}:
 * {@code /} names the GREETING variable and answers 200 until {@code POST /fail}, 500 from then on;
 * {@code /metrics} counts both in the Prometheus text format ({@code http_requests_total{code}}),
 * as a scrape analysis reads it; {@code /healthz} answers 200. The only flag is {@code --port=N}.
 */
public final class FlakyHttp {
  private static final AtomicLong OK = new AtomicLong();
  private static final AtomicLong ERRORS = new AtomicLong();
  private static volatile boolean failing;

  private FlakyHttp() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 || !args[0].startsWith("--port=")) {
      System.err.println("flaky: usage: --port=N");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0].substring("--port=".length()));
    String greeting = "GREETING=" + System.getenv("GREETING");
    // The JDK's server writes headers and body apart: without this, Nagle's algorithm and the
    // client's delayed ACK hold every kept-alive answer back about 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // HAProxy keeps several connections open to an instance: answer them side by side.
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        ex -> {
          boolean fails = failing;
          (fails ? ERRORS : OK).incrementAndGet();
          answer(ex, fails ? 500 : 200, (fails ? "failing " : "") + greeting);
        });
    server.createContext("/healthz", ex -> answer(ex, 200, "ready"));
    server.createContext(
        "/fail",
        ex -> {
          failing = true;
          answer(ex, 200, "failing from now on");
        });
    server.createContext(
        "/metrics",
        ex ->
            answer(
                ex,
                200,
                """
                # TYPE http_requests_total counter
                http_requests_total{code="200"} %d
                http_requests_total{code="500"} %d
                """
                    .formatted(OK.get(), ERRORS.get())));
    server.start();
    System.out.println("listening on " + port);
    System.out.flush();
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    ex.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
