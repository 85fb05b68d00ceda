package dev.sextant.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The two calls an agent makes. The token travels only in the Authorization header. */
public final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ServerClient(URI base, String token) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.token = token;
  }

  /** Registers this agent; the answer says whether it is new or was known with this key. */
  public JsonNode register(String name, String environment, String publicKey) {
    String body = JSON.createObjectNode().put("name", name).put("environment", environment).put("publicKey", publicKey).toString();
    return send(request("api/v1/agents").POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
  }

  /** Sends one signed fingerprint (its JSON file form). */
  public JsonNode report(String name, String fingerprintJson) {
    return send(request("api/v1/agents/" + name + "/fingerprints").POST(HttpRequest.BodyPublishers.ofString(fingerprintJson)).header("Content-Type", "application/json").build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ReportException(true, "cannot reach the server at " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportException(false, "interrupted");
    }
    JsonNode body;
    try {
      body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      body = JSON.createObjectNode().put("detail", response.body());
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return body;
    }
    String detail = body.path("detail").asText("HTTP " + status);
    if (body.has("problems")) {
      StringBuilder all = new StringBuilder(detail);
      body.get("problems").forEach(p -> all.append("; ").append(p.path("text").asText()));
      detail = all.toString();
    }
    // A refusal (4xx) will not change by retrying; a server error (5xx) may.
    throw new ReportException(status >= 500, "server refused (" + status + "): " + detail);
  }
}
