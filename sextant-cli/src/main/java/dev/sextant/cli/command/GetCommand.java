package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.Revision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "List resources, or show one.",
      "",
      "KIND is a kind in any case, singular or plural (release, releases, Release), or 'all'.",
      "With -o json or -o yaml the documents are printed as applied, with a status block",
      "giving the revision, its digest, who applied it and when."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant get environments",
      "  sextant get environments -l 'tier=prod,region in (eu-west,eu-central)'",
      "  sextant get release fraud-detector-1-4-0 -o yaml",
      "  sextant get release fraud-detector-1-4-0 --revision 1 -o json",
      "  sextant get all"
    })
public final class GetCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "KIND", description = "The kind to list, or 'all'.")
  String kind;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NAME",
      description = "One resource's name.")
  String name;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description =
          "Label selector, as in kubectl: 'tier=prod', 'region in (eu,us)', '!deprecated'.")
  String selector;

  @Option(
      names = "--revision",
      paramLabel = "N",
      description = "Show this revision rather than the current one (needs NAME).")
  Long revision;

  @Override
  public Integer call() {
    Optional<Kind> kinds = KindArgument.parseOrAll(kind);
    var context = root.context();
    try (Backend store = backend.open(context)) {
      if (name != null) {
        Kind one =
            kinds.orElseThrow(
                () -> CliException.invalid("'all' lists resources; name a kind to get one"));
        Revision found = Lookups.find(store, new ResourceKey(one, name), revision);
        show(List.of(found), false);
      } else {
        if (revision != null) {
          throw CliException.invalid("--revision needs a NAME");
        }
        show(store.list(kinds, selector), kinds.isEmpty());
      }
    }
    return 0;
  }

  private void show(List<Revision> revisions, boolean allKinds) {
    var out = root.context().out();
    if (output.format() != Format.TABLE) {
      if (name != null) {
        Printer.print(out, output.format(), RevisionJson.toJson(revisions.get(0)));
      } else {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", Kind.API_VERSION);
        list.put("kind", "List");
        var items = list.putArray("items");
        revisions.forEach(r -> items.add(RevisionJson.toJson(r)));
        Printer.print(out, output.format(), list);
      }
      return;
    }
    if (revisions.isEmpty()) {
      root.context().err().println("No resources found.");
      return;
    }
    Table table =
        allKinds
            ? new Table("KIND", "NAME", "REVISION", "DIGEST", "APPLIED", "LABELS")
            : new Table("NAME", "REVISION", "DIGEST", "APPLIED", "LABELS");
    for (Revision r : revisions) {
      String labels = labels(r);
      String applied = Lookups.time(r.createdAt());
      if (allKinds) {
        table.row(
            r.key().kind().displayName(),
            r.key().name(),
            String.valueOf(r.number()),
            r.digest().shortHex(),
            applied,
            labels);
      } else {
        table.row(
            r.key().name(), String.valueOf(r.number()), r.digest().shortHex(), applied, labels);
      }
    }
    table.print(out);
  }

  private static String labels(Revision r) {
    Map<String, String> labels = new java.util.TreeMap<>();
    r.document()
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels.isEmpty()
        ? "<none>"
        : labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
