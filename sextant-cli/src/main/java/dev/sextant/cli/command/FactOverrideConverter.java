package dev.sextant.cli.command;

import dev.sextant.core.plan.FactOverride;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --what-if KEY=VALUE}; a malformed one is a usage error that says the form. */
public final class FactOverrideConverter implements ITypeConverter<FactOverride> {
  @Override
  public FactOverride convert(String value) {
    try {
      return FactOverride.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
