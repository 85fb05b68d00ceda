package dev.sextant.server.secret;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Vault's KV version 2 read, as the protocol is recorded in Vault's API documentation ({@code GET
 * /v1/:mount/data/:path}): a JSON body with the secret under {@code data.data}, 403 with {@code
 * {"errors":["permission denied"]}} for a wrong token and 404 with {@code {"errors":[]}} for a path
 * with no secret. No Vault server is packaged by Debian or published on Maven Central, so the tests
 * run against this on loopback.
 */
final class VaultFake implements AutoCloseable {
  private final HttpServer server;
  private final String token;
  private final Map<String, String> secrets;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** A Vault accepting {@code token}, whose KV v2 engine at {@code kv/} holds {@code secrets}. */
  VaultFake(String token, Map<String, String> secrets) {
    this.token = token;
    this.secrets = Map.copyOf(secrets);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests received, as {@code METHOD path}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
      send(exchange, 403, "{\"errors\":[\"permission denied\"]}");
      return;
    }
    String prefix = "/v1/kv/data/";
    String body = path.startsWith(prefix) ? secrets.get(path.substring(prefix.length())) : null;
    if (!exchange.getRequestMethod().equals("GET") || body == null) {
      send(exchange, 404, "{\"errors\":[]}");
      return;
    }
    send(
        exchange,
        200,
        """
        {"request_id":"0b4fbb0d-5a2e-8e2f-3e5b-7b2a1f0c9d11","lease_id":"","renewable":false,
         "lease_duration":0,"data":{"data":%s,"metadata":{"created_time":"2026-12-01T10:00:00Z",
         "custom_metadata":null,"deletion_time":"","destroyed":false,"version":3}},
         "wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}
        """
            .formatted(body));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
