package dev.sextant.server.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code vault:mount/path#key} over Vault's HTTP API for a KV version 2 engine: {@code GET
 * $VAULT_ADDR/v1/<mount>/data/<path>} with the token in {@code X-Vault-Token}, the value at {@code
 * data.data.<key>}. The address and token come as the Vault CLI takes them: {@code VAULT_ADDR},
 * then {@code VAULT_TOKEN} or the file {@code ~/.vault-token} that {@code vault login} writes. They
 * are read at each use, so a token renewed on disk is picked up and an unused Vault needs no
 * setting.
 */
final class VaultSecrets {
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final HttpClient http;

  VaultSecrets(Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  }

  Secret resolve(SecretRef.Vault ref) {
    URI address = address(ref);
    String token = token(ref);
    // Like the Vault CLI, an address with a path (Vault behind a proxy) keeps it.
    String base = address.toString().replaceAll("/+$", "");
    URI url = URI.create(base + "/v1/" + encoded(ref.mount()) + "/data/" + encoded(ref.path()));
    HttpResponse<String> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(ANSWER)
                  .header("X-Vault-Token", token)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(ref, "cannot reach Vault at " + address + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(ref, "interrupted while asking Vault at " + address, e);
    }
    return read(ref, address, answer);
  }

  private Secret read(SecretRef.Vault ref, URI address, HttpResponse<String> answer) {
    String where = "Vault at " + address;
    switch (answer.statusCode()) {
      case 200 -> {}
      case 403 ->
          throw new UnresolvedSecretException(
              ref,
              UnresolvedSecretException.Reason.REFUSED,
              where
                  + " refused the token (403 permission denied): it may have expired, or its"
                  + " policy does not allow reading "
                  + ref.mount()
                  + "/data/"
                  + ref.path());
      case 404 ->
          throw new UnresolvedSecretException(
              ref,
              UnresolvedSecretException.Reason.MISSING,
              where
                  + " has no secret "
                  + ref.path()
                  + " in the KV version 2 engine at "
                  + ref.mount()
                  + "/ (404)");
      default ->
          // Vault's error text is not repeated: a proxy in between may answer with anything.
          throw unreachable(ref, where + " answered HTTP " + answer.statusCode(), null);
    }
    JsonNode data;
    try {
      data = JSON.readTree(answer.body()).path("data").path("data");
    } catch (IOException e) {
      throw unreachable(ref, where + " answered with a body that is not JSON", null);
    }
    if (!data.isObject()) {
      throw unreachable(
          ref,
          where + " answered without data.data: is " + ref.mount() + "/ a KV version 2 engine?",
          null);
    }
    JsonNode value = data.get(ref.key());
    if (value == null || value.isNull()) {
      List<String> keys = new ArrayList<>();
      data.fieldNames().forEachRemaining(keys::add);
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.MISSING,
          "the secret "
              + ref.mount()
              + "/"
              + ref.path()
              + " has no key \""
              + ref.key()
              + "\"; its keys are: "
              + (keys.isEmpty() ? "none" : String.join(", ", keys)));
    }
    if (!value.isValueNode()) {
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.REFUSED,
          "the key \""
              + ref.key()
              + "\" holds "
              + (value.isArray() ? "a list" : "a mapping")
              + ", not one text");
    }
    return new Secret(ref, value.asText());
  }

  private URI address(SecretRef.Vault ref) {
    String text = env.get("VAULT_ADDR");
    if (text == null || text.isBlank()) {
      throw unreachable(
          ref,
          "VAULT_ADDR is not set; set it to Vault's address, e.g. https://vault.example:8200",
          null);
    }
    try {
      URI address = URI.create(text.strip());
      if (!("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
          || address.getHost() == null) {
        throw new IllegalArgumentException("not http");
      }
      return address;
    } catch (IllegalArgumentException e) {
      throw unreachable(
          ref,
          "VAULT_ADDR \""
              + text
              + "\" is not an http or https URL with a host, e.g."
              + " https://vault.example:8200",
          null);
    }
  }

  private String token(SecretRef.Vault ref) {
    Optional<String> token =
        Optional.ofNullable(env.get("VAULT_TOKEN")).map(String::strip).filter(t -> !t.isEmpty());
    if (token.isPresent()) {
      return token.get();
    }
    Optional<Path> file = Optional.ofNullable(env.get("HOME")).map(h -> Path.of(h, ".vault-token"));
    try {
      if (file.isPresent()) {
        String text = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
          return text;
        }
      }
    } catch (NoSuchFileException e) {
      // No token file: said below, with the environment variable.
    } catch (IOException e) {
      throw unreachable(ref, "the Vault token file " + file.get() + " could not be read", null);
    }
    throw new UnresolvedSecretException(
        ref,
        UnresolvedSecretException.Reason.UNREACHABLE,
        "no Vault token: set VAULT_TOKEN, or log in with `vault login` to write ~/.vault-token");
  }

  private static String encoded(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", segments);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static UnresolvedSecretException unreachable(
      SecretRef.Vault ref, String why, Throwable cause) {
    return new UnresolvedSecretException(
        ref, UnresolvedSecretException.Reason.UNREACHABLE, why, cause);
  }
}
