package dev.sextant.cli.command;

import dev.sextant.cli.output.Format;
import picocli.CommandLine.Option;

/** {@code -o table|json|yaml}. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Format.Converter.class,
      completionCandidates = OutputOptions.Formats.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TABLE;

  /** The candidates as users type them, for --help and shell completion. */
  static final class Formats extends java.util.ArrayList<String> {
    Formats() {
      super(java.util.List.of("table", "json", "yaml"));
    }
  }

  public Format format() {
    return format;
  }
}
