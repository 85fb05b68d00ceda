package dev.sextant.cli.command;

import dev.sextant.cli.output.Format;
import picocli.CommandLine.Option;

/** {@code -o table|json|yaml}. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TABLE;

  public Format format() {
    return format;
  }
}
