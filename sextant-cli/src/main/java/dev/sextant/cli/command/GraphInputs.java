package dev.sextant.cli.command;

import dev.sextant.cli.Main;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.Limits;
import dev.sextant.core.graph.DependencyGraph;
import dev.sextant.core.graph.InvalidReleaseException;
import dev.sextant.core.graph.Releases;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.Problem;
import dev.sextant.core.validation.ResourceParser;
import java.util.ArrayList;
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
      description =
          "Read releases from a file, a directory (searched recursively) or - for standard input, instead of the store. Repeatable.")
  List<String> files;

  /** Where the releases came from, for messages. */
  String source() {
    return files == null ? "the store" : String.join(", ", files);
  }

  /**
   * The graph of the newest release of each service: a service usually has many releases, and the
   * newest is the one a rollout would bring.
   */
  DependencyGraph graph(Main.Context context) {
    if (files == null) {
      try (Backend store = backend.open(context)) {
        return DependencyGraph.of(
            Releases.latest(
                store.list(Optional.of(Kind.RELEASE), null).stream()
                    .map(r -> (ReleaseSpec) Specs.read(Kind.RELEASE, r.document().path("spec")))
                    .toList()));
      }
    }
    ParseReport report =
        new ResourceParser(Limits.DEFAULT)
            .parseAll(new ResourceFiles(Limits.DEFAULT, System.in).read(files));
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    List<Resource> releases =
        report.resources().stream().filter(r -> r.kind() == Kind.RELEASE).toList();
    try {
      return DependencyGraph.of(
          Releases.latest(releases.stream().map(r -> (ReleaseSpec) Specs.read(r)).toList()));
    } catch (InvalidReleaseException e) {
      throw located(report, releases, e);
    }
  }

  /** Each problem at its release's file, line and column, when the release came from a file. */
  private static RuntimeException located(
      ParseReport report, List<Resource> releases, InvalidReleaseException e) {
    List<Problem> problems = new ArrayList<>();
    for (InvalidReleaseException.Problem problem : e.problems()) {
      Optional<Resource> release =
          releases.stream()
              .filter(
                  r -> {
                    ReleaseSpec spec = (ReleaseSpec) Specs.read(r);
                    return spec.service().equals(problem.service())
                        && spec.version().equals(problem.version());
                  })
              .findFirst();
      if (release.isEmpty()) {
        return e;
      }
      problems.add(
          report.problem(release.get().key(), FieldPath.parse(problem.field()), problem.reason()));
    }
    return new InvalidInputException(problems);
  }
}
