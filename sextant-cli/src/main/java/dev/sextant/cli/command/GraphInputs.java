package dev.sextant.cli.command;

import dev.sextant.cli.Main;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.core.document.Limits;
import dev.sextant.core.graph.DependencyGraph;
import dev.sextant.core.graph.Releases;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where {@code sextant graph} finds its releases: {@code -f} files, or the store. */
public final class GraphInputs {
  @Mixin BackendOptions backend;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR|-",
      description = "Read releases from a file, a directory (searched recursively) or - for standard input, instead of the store. Repeatable.")
  List<String> files;

  /** Where the releases came from, for messages. */
  String source() {
    return files == null ? "the store" : String.join(", ", files);
  }

  /**
   * The graph of the newest release of each service: a service usually has many releases, and
   * the newest is the one a rollout would bring.
   */
  DependencyGraph graph(Main.Context context) {
    return DependencyGraph.of(Releases.latest(releases(context)));
  }

  private List<ReleaseSpec> releases(Main.Context context) {
    if (files != null) {
      var inputs = new ResourceFiles(Limits.DEFAULT, System.in).read(files);
      ParseReport report = new ResourceParser(Limits.DEFAULT).parseAll(inputs);
      if (!report.ok()) {
        throw new InvalidInputException(report.problems());
      }
      return report.resources().stream()
          .filter(r -> r.kind() == Kind.RELEASE)
          .map(r -> (ReleaseSpec) Specs.read(r))
          .toList();
    }
    try (Backend store = backend.open(context)) {
      return store.list(Optional.of(Kind.RELEASE), null).stream()
          .map(r -> (ReleaseSpec) Specs.read(Kind.RELEASE, r.document().path("spec")))
          .toList();
    }
  }
}
