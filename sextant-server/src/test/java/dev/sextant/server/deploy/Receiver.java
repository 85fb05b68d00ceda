package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real webhook receiver on loopback: it records every request it gets (headers and JSON body) and
 * answers with the status it is told to, 200 until told otherwise.
 */
final class Receiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received. */
  record Received(String path, Map<String, String> headers, JsonNode body, int answered) {
    String key() {
      return headers.getOrDefault("idempotency-key", "");
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private int status = 200;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
          JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
          int answer;
          synchronized (this) {
            answer = status;
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, answer));
            notifyAll();
          }
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  synchronized void answer(int status) {
    this.status = status;
  }

  synchronized List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** What the path received once it has received at least {@code count} requests. */
  synchronized List<Received> await(String path, int count, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (received(path).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " requests at " + path + ", got " + received(path));
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return received(path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
