package dev.sextant.core.resource;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes rules for label keys and values. A key is an optional DNS-subdomain prefix and a
 * slash, then a name; a value is empty or a name. Each check returns what is wrong, or empty when
 * the text is valid, so that callers can report every problem rather than the first.
 */
public final class LabelSyntax {
  public static final int MAX_NAME_LENGTH = 63;
  public static final int MAX_PREFIX_LENGTH = 253;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelSyntax() {}

  /** What is wrong with a label key, e.g. {@code app.kubernetes.io/name}; empty when valid. */
  public static Optional<String> keyProblem(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return nameProblem("label key", key);
    }
    String prefix = key.substring(0, slash);
    String name = key.substring(slash + 1);
    if (prefix.isEmpty()) {
      return Optional.of("label key '" + key + "' has an empty prefix before '/'");
    }
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      return Optional.of(
          "label key prefix '" + prefix + "' is longer than " + MAX_PREFIX_LENGTH + " characters");
    }
    if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
      return Optional.of(
          "label key prefix '"
              + prefix
              + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.',"
              + " starting and ending with a letter or digit)");
    }
    return nameProblem("label key name", name);
  }

  /** What is wrong with a label value; empty when valid. The empty value is valid. */
  public static Optional<String> valueProblem(String value) {
    return value.isEmpty() ? Optional.empty() : nameProblem("label value", value);
  }

  private static Optional<String> nameProblem(String what, String text) {
    if (text.isEmpty()) {
      return Optional.of(what + " is empty");
    }
    if (text.length() > MAX_NAME_LENGTH) {
      return Optional.of(
          what + " '" + text + "' is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAME.matcher(text).matches()) {
      return Optional.of(
          what
              + " '"
              + text
              + "' must consist of letters, digits, '-', '_' or '.',"
              + " and start and end with a letter or digit");
    }
    return Optional.empty();
  }
}
