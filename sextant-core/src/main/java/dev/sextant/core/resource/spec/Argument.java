package dev.sextant.core.resource.spec;

import java.util.Objects;

/** A named value passed to an analysis template, used there as {@code {{args.NAME}}}. */
public record Argument(String name, String value) {
  public Argument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
