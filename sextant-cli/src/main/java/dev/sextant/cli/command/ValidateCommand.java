package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.document.Limits;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.Problem;
import dev.sextant.core.validation.ResourceParser;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check resource files without touching any store.",
      "",
      "Each problem is printed as FILE:LINE:COLUMN: FIELD: REASON. Exit code 0 when every",
      "file is valid, 1 when any is not."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant validate -f examples/", "  sextant validate -f release.yaml -o json"})
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin OutputOptions output;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "A file, a directory (searched recursively) or - for standard input. Repeatable.")
  List<String> files;

  @Override
  public Integer call() {
    var context = root.context();
    var inputs = new ResourceFiles(Limits.DEFAULT, System.in).read(files);
    ParseReport report =
        new ResourceParser(Limits.DEFAULT, Plugins.validators(context)).parseAll(inputs);
    if (output.format() != Format.TABLE) {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("valid", report.ok());
      var resources = json.putArray("resources");
      report
          .resources()
          .forEach(
              r ->
                  resources
                      .addObject()
                      .put("kind", r.kind().displayName())
                      .put("name", r.name())
                      .put("digest", r.digest().value()));
      write(json.putArray("problems"), report.problems());
      write(json.putArray("warnings"), report.warnings());
      Printer.print(context.out(), output.format(), json);
      return report.ok() ? 0 : 1;
    }
    report.warnings().forEach(w -> context.err().println("warning: " + w.format()));
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    long sources = inputs.size();
    context
        .out()
        .printf(
            "valid: %d resource%s in %d file%s%n",
            report.resources().size(),
            report.resources().size() == 1 ? "" : "s",
            sources,
            sources == 1 ? "" : "s");
    return 0;
  }

  private static void write(ArrayNode array, List<Problem> problems) {
    for (Problem p : problems) {
      array
          .addObject()
          .put("source", p.source())
          .put("line", p.position().line())
          .put("column", p.position().column())
          .put("field", p.field())
          .put("message", p.message());
    }
  }
}
