package dev.sextant.cli.output;

/** Output formats: a table for people, JSON or YAML for scripts. */
public enum Format {
  TABLE,
  JSON,
  YAML
}
