package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.store.Revision;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Show one resource in detail: identity, labels, revision, digest, who applied it, and its spec.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant describe environment prod-eu",
      "  sextant describe release fraud-detector-1-4-0 --revision 1"
    })
public final class DescribeCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "The resource's kind (release, environment, …).")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "The resource's name.")
  String name;

  @Option(
      names = "--revision",
      paramLabel = "N",
      description = "Describe this revision rather than the current one.")
  Long revision;

  @Override
  public Integer call() {
    var out = root.context().out();
    try (Backend store = backend.open(root.context())) {
      ResourceKey key = new ResourceKey(KindArgument.parse(kind), name);
      Revision r = Lookups.find(store, key, revision);
      List<Revision> history = store.history(key);
      JsonNode metadata = r.document().path("metadata");
      out.printf("Name:         %s%n", key.name());
      out.printf("Kind:         %s%n", key.kind().displayName());
      out.printf("Labels:       %s%n", pairs(metadata.path("labels")));
      out.printf("Annotations:  %s%n", pairs(metadata.path("annotations")));
      out.printf("Revision:     %d of %d%n", r.number(), history.size());
      out.printf("Digest:       %s%n", r.digest());
      out.printf("Applied by:   %s%n", r.author());
      out.printf("Applied at:   %s%n", Lookups.time(r.createdAt()));
      out.println("Spec:");
      Printer.render(Format.YAML, r.document().path("spec"))
          .lines()
          .forEach(line -> out.println("  " + line));
    }
    return 0;
  }

  private static String pairs(JsonNode map) {
    if (map.isMissingNode() || map.isEmpty()) {
      return "<none>";
    }
    StringBuilder text = new StringBuilder();
    map.fields()
        .forEachRemaining(
            e ->
                text.append(text.length() == 0 ? "" : "\n              ")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().asText()));
    return text.toString();
  }
}
