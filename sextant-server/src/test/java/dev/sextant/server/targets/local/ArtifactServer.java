package dev.sextant.server.targets.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on loopback that serves artifacts, fails, or stalls, and counts its requests. */
final class ArtifactServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);

  ArtifactServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int requests() {
    return requests.get();
  }

  ArtifactServer serving(String path, byte[] content) {
    return handle(path, exchange -> respond(exchange, 200, content));
  }

  /** Serves the content chunked, without a Content-Length to refuse it by. */
  ArtifactServer streaming(String path, byte[] content) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(content);
          } catch (IOException e) {
            // the client hung up once it had enough: that is the point
          }
        });
  }

  ArtifactServer failing(String path, int status) {
    return handle(path, exchange -> respond(exchange, status, "no such artifact".getBytes()));
  }

  /** Sends the headers and the first bytes, then holds the body open until the server closes. */
  ArtifactServer stalling(String path) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write("the first bytes".getBytes());
          body.flush();
          try {
            closing.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
  }

  private ArtifactServer handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          requests.incrementAndGet();
          handler.handle(exchange);
        });
    return this;
  }

  private static void respond(HttpExchange exchange, int status, byte[] content)
      throws IOException {
    exchange.sendResponseHeaders(status, content.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(content);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
