package dev.sextant.core.access;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who calls: a person ({@code user}) or a program ({@code service-account}), known by a name that
 * events, approvals and plans record.
 */
public record Identity(String name, Kind kind) {
  /** Letters, digits and {@code . _ @ -}, as user names and e-mail addresses are written. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._@-]{0,62}[A-Za-z0-9])?");

  public Identity {
    Objects.requireNonNull(kind, "kind");
    requireName(name);
  }

  /**
   * @throws IllegalArgumentException when the name is not one an identity may have, saying what is
   *     expected
   */
  public static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an identity's name is 1 to 64 letters, digits, '.', '_', '@' or '-', beginning and"
              + " ending with a letter or digit; found \""
              + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                  .replaceAll("\\p{Cntrl}", "?")
              + "\"");
    }
    return name;
  }

  /** What an identity is. */
  public enum Kind {
    USER,
    SERVICE_ACCOUNT;

    /** As the API writes it: {@code user}, {@code service-account}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException for any other text
     */
    public static Kind parse(String text) {
      for (Kind kind : values()) {
        if (kind.label().equals(text)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown identity kind \"" + text + "\"; expected user or service-account");
    }
  }
}
