package dev.sextant.core.compat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One argument a rule takes under {@code with:}, as {@code sextant plan --rules} lists it.
 *
 * @param type what the value must be, in words: {@code version}, {@code amount of bytes}, {@code
 *     all or any}
 * @param required whether every requirement of the rule must give it; a rule that needs one of
 *     several says so in their descriptions
 * @param otherwise what it means when not given, if it has a default
 */
public record Argument(
    String name, String type, boolean required, Optional<String> otherwise, String description) {
  public Argument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(otherwise, "otherwise");
    Objects.requireNonNull(description, "description");
  }

  /** The names of {@code arguments}, the only ones a rule's {@code with} may use. */
  public static String[] names(List<Argument> arguments) {
    return arguments.stream().map(Argument::name).toArray(String[]::new);
  }

  public static Argument required(String name, String type, String description) {
    return new Argument(name, type, true, Optional.empty(), description);
  }

  public static Argument optional(String name, String type, String description) {
    return new Argument(name, type, false, Optional.empty(), description);
  }

  public static Argument optional(String name, String type, String otherwise, String description) {
    return new Argument(name, type, false, Optional.of(otherwise), description);
  }
}
