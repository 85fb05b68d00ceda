package dev.sextant.server;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The Prometheus a server's analyses query when their metric names none: none at all, one at an
 * address, or one the server runs itself on loopback, scraping what the local target runs.
 */
public sealed interface PrometheusSetting {
  /** No Prometheus: a metric that names none is an error. */
  PrometheusSetting NONE = new None();

  /** A Prometheus the server starts (Debian's package, installed when missing and root). */
  PrometheusSetting LOCAL = new Local();

  /**
   * The setting {@code text} says: {@code none}, {@code local}, or an http(s) URL.
   *
   * @throws IllegalArgumentException when it is none of them
   */
  static PrometheusSetting parse(String text) {
    String value = text.strip();
    switch (value.toLowerCase(Locale.ROOT)) {
      case "none":
        return NONE;
      case "local":
        return LOCAL;
      default:
        break;
    }
    URI address;
    try {
      address = URI.create(value);
    } catch (IllegalArgumentException e) {
      address = null;
    }
    if (address == null
        || !("http".equals(address.getScheme()) || "https".equals(address.getScheme()))
        || address.getHost() == null) {
      throw new IllegalArgumentException(
          "a Prometheus is 'none', 'local' or an http(s) URL such as http://127.0.0.1:9090, not '"
              + value
              + "'");
    }
    return new At(address);
  }

  /** No Prometheus. */
  record None() implements PrometheusSetting {}

  /** A Prometheus of the server's own. */
  record Local() implements PrometheusSetting {}

  /** A Prometheus at {@code address}, which may read the local target's scrape targets too. */
  record At(URI address) implements PrometheusSetting {
    public At {
      Objects.requireNonNull(address, "address");
    }
  }
}
