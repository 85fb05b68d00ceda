package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.validation.DidYouMean;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a kind as typed on the command line: {@code release}, {@code releases}, {@code all}. */
final class KindArgument {
  private KindArgument() {}

  static Kind parse(String text) {
    return Kind.fromUserInput(text).orElseThrow(() -> unknown(text));
  }

  /** Empty for {@code all}. */
  static Optional<Kind> parseOrAll(String text) {
    return text.equalsIgnoreCase("all") ? Optional.empty() : Optional.of(parse(text));
  }

  private static CliException unknown(String text) {
    List<String> names =
        Arrays.stream(Kind.values())
            .map(k -> k.displayName().toLowerCase(java.util.Locale.ROOT))
            .toList();
    return CliException.invalid(
        "unknown kind \""
            + text
            + "\""
            + DidYouMean.hint(text, names)
            + "; expected one of "
            + String.join(", ", names));
  }
}
