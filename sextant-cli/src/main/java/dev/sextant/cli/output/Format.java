package dev.sextant.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Output formats: a table for people, JSON or YAML for scripts. */
public enum Format {
  TABLE,
  JSON,
  YAML;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code -o} as typed, and names the formats in the user's spelling when it is wrong. */
  public static final class Converter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Arrays.stream(values())
          .filter(f -> f.toString().equals(value.toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected one of "
                          + Arrays.stream(values())
                              .map(Format::toString)
                              .collect(Collectors.joining(", "))
                          + ", found '"
                          + value
                          + "'"));
    }
  }
}
