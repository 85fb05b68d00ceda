package dev.sextant.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sample service: {@code /} answers "hello from sample VERSION" (or 500, at the configured
 * error rate, after the configured latency), {@code /healthz} says whether it is ready, and {@code
 * /metrics} exposes request counters and a latency histogram for analysis to judge.
 */
public final class SampleService {
  /** Requests in flight get this long to finish when the service is told to stop. */
  private static final int STOP_GRACE_SECONDS = 10;

  private final SampleOptions options;
  private final Faults faults;
  private final RequestMetrics metrics;
  private final AtomicLong requests = new AtomicLong();
  private final long readyAtNanos;
  private final HttpServer server;
  private final ExecutorService workers;

  private SampleService(SampleOptions options) throws IOException {
    this.options = options;
    this.faults = new Faults(options);
    this.metrics = new RequestMetrics(options.version());
    this.readyAtNanos = System.nanoTime() + options.readyAfter().toNanos();
    this.server = HttpServer.create(new InetSocketAddress(options.port()), 0);
    // a fixed pool: latency flags hold a worker each, and the dispatcher thread must stay free
    this.workers = Executors.newFixedThreadPool(64);
    server.setExecutor(workers);
    server.createContext("/", this::root);
    server.createContext("/healthz", this::healthz);
    server.createContext("/metrics", this::metrics);
  }

  /** Runs the service until SIGTERM (or SIGINT); bad flags exit with 2 and a one-line reason. */
  public static void main(String[] args) {
    String defaultVersion = defaultVersion();
    if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
      System.out.println(SampleOptions.USAGE);
      return;
    }
    SampleOptions options;
    try {
      options = SampleOptions.parse(args, defaultVersion);
    } catch (BadFlagException e) {
      fail(e.getMessage());
      return;
    }
    SampleService service;
    try {
      service = new SampleService(options);
    } catch (IOException e) {
      fail("cannot listen on port " + options.port() + ": " + e.getMessage());
      return;
    }
    service.start();
    Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "sample-stop"));
    System.out.println("listening on " + service.port());
    System.out.flush();
  }

  private static void fail(String reason) {
    System.err.println("sample: " + reason);
    System.err.println("run with --help for the flags");
    System.err.flush();
    System.exit(2);
  }

  /** The version in the jar's manifest, or "dev" when run from classes. */
  private static String defaultVersion() {
    String fromJar = SampleService.class.getPackage().getImplementationVersion();
    return fromJar == null ? "dev" : fromJar;
  }

  private void start() {
    server.start();
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private void stop() {
    // The exchanges in flight run on the workers: they finish first, then the server closes at
    // once. The JDK 17 server's own stop(delay) waited out the whole delay here, with nothing in
    // flight, so every stop took that long and the local target killed the instance instead.
    workers.shutdown();
    try {
      workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    System.out.println("stopped");
    System.out.flush();
  }

  private void root(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      answer(exchange, 404, "not found\n");
      return;
    }
    long started = System.nanoTime();
    long n = requests.incrementAndGet();
    metrics.arrived();
    sleep(faults.delay());
    int code = faults.fails(n) ? 500 : 200;
    metrics.observe(code, Duration.ofNanos(System.nanoTime() - started));
    answer(
        exchange,
        code,
        code == 200
            ? "hello from sample " + options.version() + "\n"
            : "sample " + options.version() + " failed this request on purpose\n");
  }

  private void healthz(HttpExchange exchange) throws IOException {
    if (System.nanoTime() - readyAtNanos < 0) {
      answer(exchange, 503, "starting\n");
    } else {
      answer(exchange, 200, "ok\n");
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", RequestMetrics.CONTENT_TYPE);
    send(exchange, 200, metrics.exposition());
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, code, body);
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(code, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
