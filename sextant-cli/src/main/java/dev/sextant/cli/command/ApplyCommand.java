package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.document.Limits;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.ApplyOutcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Store resources as new revisions.",
      "",
      "Every file is validated first; if any is invalid, nothing is stored. A resource whose",
      "content is unchanged (same digest) gets no new revision and is reported as unchanged."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant apply -f examples/",
      "  sextant apply -f release.yaml --server http://localhost:7070",
      "  cat env.yaml | sextant apply -f -"
    })
public final class ApplyCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "A file, a directory (searched recursively for .yaml, .yml, .json) or - for standard input. Repeatable.")
  List<String> files;

  @Option(
      names = "--author",
      paramLabel = "NAME",
      description = "Who applies the change, recorded in history (default: $USER).")
  String author;

  @Override
  public Integer call() {
    var context = root.context();
    var inputs = new ResourceFiles(Limits.DEFAULT, System.in).read(files);
    try (Backend store = backend.open(context)) {
      List<ApplyOutcome> outcomes =
          store.apply(inputs, author != null ? author : Authors.current(context));
      if (output.format() == Format.TABLE) {
        for (ApplyOutcome outcome : outcomes) {
          var revision = outcome.revision();
          context
              .out()
              .printf(
                  "%s %s (revision %d, %s)%n",
                  revision.key(),
                  outcome.change().word(),
                  revision.number(),
                  revision.digest().shortHex());
        }
      } else {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        outcomes.forEach(o -> list.add(RevisionJson.outcome(o)));
        Printer.print(context.out(), output.format(), list);
      }
    }
    return 0;
  }
}
