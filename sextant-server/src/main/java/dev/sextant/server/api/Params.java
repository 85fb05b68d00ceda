package dev.sextant.server.api;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Query parameters, path parameters and headers, parsed strictly: what is not exactly what the
 * route takes is a 400 problem naming the parameter and what was expected, before any service runs.
 * A lenient parse would turn {@code ?dryRun=yes} into a real apply.
 */
final class Params {
  /** An environment's name is its Environment's {@code metadata.name}: a DNS-1123 label. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final int MAX_LABEL_LENGTH = 63;

  /** An agent's name is a host name: a DNS-1123 subdomain. */
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_SUBDOMAIN_LENGTH = 253;

  /** Stored beside the change as who made it or where it came from (columns of 255). */
  static final int MAX_HEADER_TEXT = 200;

  private Params() {}

  /**
   * {@code true} or {@code false} exactly; absent is {@code false}.
   *
   * @throws ApiException 400 for any other text
   */
  static boolean flag(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw ApiException.invalidParameter(
        "query parameter "
            + name
            + " must be true or false, found \""
            + ResourceRoutes.clean(text)
            + "\"");
  }

  /**
   * A whole number from 1 to {@code max}.
   *
   * @throws ApiException 400 for anything else
   */
  static long positive(String text, String what, long max) {
    if (text.matches("[0-9]{1,18}")) {
      long value = Long.parseLong(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    }
    throw ApiException.invalidParameter(
        what
            + " must be a whole number from 1 to "
            + max
            + ", found \""
            + ResourceRoutes.clean(text)
            + "\"");
  }

  /**
   * The query parameter {@code limit}: how many items a list may hold, {@code byDefault} when it is
   * not given.
   *
   * @throws ApiException 400 for anything but a whole number from 1 to {@code max}
   */
  static int limit(Context ctx, int byDefault, int max) {
    String text = ctx.queryParam("limit");
    return text == null ? byDefault : (int) positive(text, "query parameter limit", max);
  }

  /** The environment named by the path parameter {@code name}. */
  static String environment(Context ctx) {
    return environment(ctx.pathParam("name"));
  }

  static String environment(String text) {
    return name(
        text,
        "environment",
        DNS_LABEL,
        MAX_LABEL_LENGTH,
        "a DNS label (lower-case letters, digits and '-', starting and ending with a letter or"
            + " digit)");
  }

  /** The agent named by the path parameter {@code name}. */
  static String agent(Context ctx) {
    return agent(ctx.pathParam("name"));
  }

  /** A resource's name, e.g. a Release's, as a request body gives it. */
  static String resource(String text, String what) {
    return name(
        text,
        what,
        DNS_SUBDOMAIN,
        MAX_SUBDOMAIN_LENGTH,
        "a DNS name (lower-case letters, digits, '-' and '.', starting and ending with a letter or"
            + " digit)");
  }

  static String agent(String name) {
    return name(
        name,
        "agent",
        DNS_SUBDOMAIN,
        MAX_SUBDOMAIN_LENGTH,
        "a DNS name (lower-case letters, digits, '-' and '.', starting and ending with a letter or"
            + " digit)");
  }

  private static String name(String text, String what, Pattern pattern, int max, String expected) {
    if (text.length() <= max && pattern.matcher(text).matches()) {
      return text;
    }
    throw ApiException.invalidParameter(
        "\""
            + ResourceRoutes.clean(text)
            + "\" is not a valid "
            + what
            + " name: expected "
            + expected
            + ", at most "
            + max
            + " characters");
  }

  /**
   * A header of printable text of at most {@link #MAX_HEADER_TEXT} characters, or empty when it is
   * absent or blank.
   *
   * @throws ApiException 400 when it is longer or holds control characters
   */
  static Optional<String> text(Context ctx, String header) {
    String value = ctx.header(header);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > MAX_HEADER_TEXT) {
      throw ApiException.invalidParameter(
          "header "
              + header
              + " must have at most "
              + MAX_HEADER_TEXT
              + " characters, found "
              + value.length());
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalidParameter("header " + header + " must not hold control characters");
    }
    return Optional.of(value.strip());
  }
}
