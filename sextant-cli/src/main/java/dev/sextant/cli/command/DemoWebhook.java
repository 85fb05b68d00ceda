package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's notification receiver: a webhook on a loopback port that keeps each rollout transition
 * the server sends it, once per delivery key, as a chat channel's bot would.
 */
final class DemoWebhook implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> received = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private int repeats;

  private DemoWebhook(HttpServer server) {
    this.server = server;
  }

  static DemoWebhook start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DemoWebhook webhook = new DemoWebhook(http);
    http.createContext("/hooks/sextant", webhook::receive);
    http.start();
    return webhook;
  }

  /** A Notifier that sends every transition of the service's rollouts here, as generic JSON. */
  String notifier(String service) {
    return """
        apiVersion: sextant.dev/v1
        kind: Notifier
        metadata:
          name: demo-webhook
        spec:
          description: Every transition of the demo's rollouts, to a webhook the demo runs.
          type: webhook
          url: http://127.0.0.1:%d/hooks/sextant
          services: [%s]
        """
        .formatted(server.getAddress().getPort(), service);
  }

  /** Each transition received, in order: the rollout's id, its phase and the verb that moved it. */
  synchronized List<JsonNode> received() {
    return List.copyOf(received);
  }

  /**
   * Waits, at most {@code patience}, until the rollout's move into {@code phase} has been received:
   * notifications go out after their transition commits, a moment later.
   */
  synchronized void awaitPhase(String rollout, String phase, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (received.stream()
        .noneMatch(
            n ->
                n.path("rollout").path("id").asText().equals(rollout)
                    && n.path("phase").asText().equals(phase))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Deliveries whose key had been received before (a retry after a lost answer). */
  synchronized int repeats() {
    return repeats;
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      JsonNode message = JSON.readTree(body);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      synchronized (this) {
        if (key != null && !keys.add(key)) {
          repeats++;
        } else {
          received.add(message);
          notifyAll();
        }
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
