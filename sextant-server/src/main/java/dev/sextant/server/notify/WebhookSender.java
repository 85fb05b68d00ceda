package dev.sextant.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.resource.spec.EnvValue;
import dev.sextant.core.resource.spec.NotifierSpec;
import dev.sextant.server.secret.SecretResolver;
import dev.sextant.server.secret.UnresolvedSecretException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts one notification to a notifier's URL, with its secrets read at that moment, and says how it
 * went. What it says never holds the URL (a Slack webhook's path is its credential) or a header's
 * value: only the receiver's status, or the kind of failure.
 */
final class WebhookSender {
  /** The idempotency key, under the name receivers commonly dedupe by. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The same key, under Sextant's own name. */
  static final String DELIVERY = "X-Sextant-Delivery";

  private final HttpClient http;
  private final SecretResolver secrets;
  private final Duration timeout;

  WebhookSender(SecretResolver secrets, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1: webhook receivers are often small servers that an h2c upgrade
            // request confuses.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.secrets = secrets;
    this.timeout = timeout;
  }

  /** How one attempt went: the receiver's status when it answered, else why it did not. */
  record Attempt(Optional<Integer> status, Optional<String> error) {
    static Attempt answered(int status) {
      return new Attempt(
          Optional.of(status),
          status / 100 == 2
              ? Optional.empty()
              : Optional.of("the receiver answered HTTP " + status));
    }

    static Attempt failed(String why) {
      return new Attempt(Optional.empty(), Optional.of(why));
    }

    boolean delivered() {
      return error.isEmpty();
    }
  }

  Attempt send(String notifier, NotifierSpec spec, String key, JsonNode notification)
      throws InterruptedException {
    URI url;
    HttpRequest.Builder request;
    try {
      url = url(notifier, resolve(spec.url()));
      request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "sextant-notifier")
              .header(IDEMPOTENCY_KEY, key)
              .header(DELIVERY, key);
      for (var header : spec.headers().entrySet()) {
        request.header(header.getKey(), resolve(header.getValue()));
      }
    } catch (UnresolvedSecretException | NotAUrl e) {
      return Attempt.failed(e.getMessage());
    } catch (IllegalArgumentException e) {
      return Attempt.failed(
          "notifier " + notifier + " has a header that HTTP refuses (its value is not shown)");
    }
    JsonNode body =
        spec.type() == NotifierSpec.Type.SLACK ? SlackMessage.of(notification) : notification;
    try {
      HttpResponse<Void> response =
          http.send(
              request
                  .POST(
                      HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return Attempt.answered(response.statusCode());
    } catch (HttpTimeoutException e) {
      return Attempt.failed("the receiver did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      // An I/O exception's message may name the host or the URL: only its kind is told.
      return Attempt.failed("cannot reach the receiver (" + e.getClass().getSimpleName() + ")");
    }
  }

  private String resolve(EnvValue value) {
    if (value instanceof EnvValue.FromSecret secret) {
      return secrets.resolve(secret.secretRef()).reveal();
    }
    return ((EnvValue.Plain) value).value();
  }

  /**
   * @throws IllegalArgumentException when the text is no http(s) URL, saying so without it
   */
  private static URI url(String notifier, String text) {
    try {
      URI uri = new URI(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // said below, without the text, which may be the secret itself
    }
    throw new NotAUrl(notifier);
  }

  /** The notifier's URL, as its secret holds it, is no http(s) URL. */
  private static final class NotAUrl extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotAUrl(String notifier) {
      super("the URL of notifier " + notifier + " is not an http(s) URL (it is not shown)");
    }
  }
}
