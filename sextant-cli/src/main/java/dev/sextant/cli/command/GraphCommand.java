package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import dev.sextant.core.graph.DependencyEdge;
import dev.sextant.core.graph.DependencyGraph;
import dev.sextant.core.graph.SemanticVersion;
import dev.sextant.core.graph.Unsatisfied;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.validation.DidYouMean;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Rollout order and API compatibility between services.",
      "",
      "Each release lists the APIs it needs under spec.dependencies, as npm ranges",
      "(^2.1.0, ~1.4, >=1.2.0 <2.0.0, ^1.0.0 || ^2.0.0), and gives the version of its",
      "own API under spec.api.version. Where a service has several releases, its",
      "newest (by semver) stands for it. Releases come from the store, or from",
      "files with -f (other kinds in them are ignored).",
      "",
      "A cycle (a needs b, b needs a) is an error that names every service on it,",
      "since no order can put each provider before its consumers."
    },
    subcommands = {GraphCommand.Order.class, GraphCommand.Impact.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant graph order -f examples/releases/",
      "  sextant graph impact payments-api@3.0.0 -f examples/releases/",
      "  sextant graph order -o json --server http://localhost:7070"
    })
public final class GraphCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }

  @Command(
      name = "order",
      mixinStandardHelpOptions = true,
      description = {
        "Print the order to roll releases out in, providers first.",
        "",
        "Every provider comes before the releases that need it; releases free to go",
        "at the same point come in service name order, so the same releases always",
        "give the same order. Dependencies that nothing meets (no release of the",
        "provider, no API version, or one outside the range) do not change the",
        "order: they are printed after it as warnings."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  sextant graph order -f examples/releases/",
        "",
        "  STEP   SERVICE          VERSION   API     NEEDS",
        "  1      fraud-detector   1.4.0     1.3.0   -",
        "  2      payments-api     2.4.0     2.4.0   -",
        "  3      checkout-web     3.2.0     -       payments-api ^2.1.0, fraud-de...",
        "",
        "  sextant graph order -o json              from the store, for scripts"
      })
  static final class Order implements Callable<Integer> {
    @ParentCommand GraphCommand graph;
    @Mixin GraphInputs inputs;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      var context = graph.root.context();
      DependencyGraph releases = inputs.graph(context);
      List<ReleaseSpec> order = releases.order();
      List<Unsatisfied> unmet =
          order.stream()
              .flatMap(r -> releases.dependencies(r.service()).stream())
              .flatMap(edge -> releases.unsatisfied(edge).stream())
              .toList();
      if (output.format() != Format.TABLE) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        var steps = json.putArray("order");
        for (int i = 0; i < order.size(); i++) {
          ReleaseSpec release = order.get(i);
          ObjectNode step =
              steps
                  .addObject()
                  .put("step", i + 1)
                  .put("service", release.service())
                  .put("version", release.version());
          releases
              .api(release.service())
              .ifPresentOrElse(api -> step.put("api", api.toString()), () -> step.putNull("api"));
          var needs = step.putArray("dependencies");
          releases
              .dependencies(release.service())
              .forEach(
                  edge ->
                      needs
                          .addObject()
                          .put("service", edge.provider())
                          .put("range", edge.range().toString())
                          .put("satisfied", releases.unsatisfied(edge).isEmpty()));
        }
        var problems = json.putArray("unsatisfied");
        unmet.forEach(u -> problems.add(GraphCommand.json(u)));
        Printer.print(context.out(), output.format(), json);
        return ExitCode.OK;
      }
      if (order.isEmpty()) {
        context.err().println("No releases found in " + inputs.source() + ".");
        return ExitCode.OK;
      }
      Table table = new Table("STEP", "SERVICE", "VERSION", "API", "NEEDS");
      for (int i = 0; i < order.size(); i++) {
        ReleaseSpec release = order.get(i);
        String needs =
            releases.dependencies(release.service()).stream()
                .map(edge -> edge.provider() + " " + edge.range())
                .collect(Collectors.joining(", "));
        table.row(
            String.valueOf(i + 1),
            release.service(),
            release.version(),
            releases.api(release.service()).map(SemanticVersion::toString).orElse("-"),
            needs.isEmpty() ? "-" : needs);
      }
      table.print(context.out());
      unmet.forEach(u -> context.err().println("warning: " + u.message()));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "impact",
      mixinStandardHelpOptions = true,
      description = {
        "List the consumers that a new API version of a service would break.",
        "",
        "SERVICE@VERSION names the provider and the API version it would offer (what",
        "its next release would put under spec.api.version). Every release that",
        "depends on SERVICE is checked against that version, before anything ships;",
        "each whose range excludes it is listed with its version, its range and why.",
        "",
        "Exit 0 when no consumer would break, 3 when some would, 1 on bad input (an",
        "unknown service, a version that is not semver, a dependency cycle)."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  sextant graph impact payments-api@3.0.0 -f examples/releases/",
        "",
        "  payments-api API 3.0.0 would break 1 of its 1 consumer:",
        "  CONSUMER       VERSION   NEEDS    WHY",
        "  checkout-web   3.2.0     ^2.1.0   3.0.0 is outside ^2.1.0 (payments-api...",
        "",
        "  sextant graph impact payments-api@2.5.0 -f examples/   exit 0: all accept it",
        "  sextant graph impact fraud-detector@2.0.0 -o json       from the store"
      })
  static final class Impact implements Callable<Integer> {
    @ParentCommand GraphCommand graph;
    @Mixin GraphInputs inputs;
    @Mixin OutputOptions output;

    @Parameters(
        index = "0",
        paramLabel = "SERVICE@VERSION",
        description = "The provider and the API version it would offer, e.g. payments-api@3.0.0.")
    String target;

    @Override
    public Integer call() {
      var context = graph.root.context();
      int at = target.indexOf('@');
      if (at <= 0 || at == target.length() - 1) {
        throw CliException.invalid(
            "expected SERVICE@VERSION, such as payments-api@3.0.0, but got '" + target + "'");
      }
      String service = target.substring(0, at);
      SemanticVersion api;
      try {
        api = SemanticVersion.parse(target.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw CliException.invalid("in " + target + ": " + e.getMessage());
      }
      DependencyGraph releases = inputs.graph(context);
      List<DependencyEdge> consumers = releases.consumers(service);
      if (releases.release(service).isEmpty() && consumers.isEmpty()) {
        TreeSet<String> known = new TreeSet<>();
        releases
            .releases()
            .forEach(
                r -> {
                  known.add(r.service());
                  releases.dependencies(r.service()).forEach(edge -> known.add(edge.provider()));
                });
        throw CliException.invalid(
            "no release of "
                + service
                + " and none that depends on it in "
                + inputs.source()
                + DidYouMean.hint(service, known)
                + (known.isEmpty() ? "" : " (services: " + String.join(", ", known) + ")"));
      }
      List<Unsatisfied> broken = releases.impact(service, api);
      String now = releases.api(service).map(SemanticVersion::toString).orElse(null);
      if (output.format() != Format.TABLE) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("service", service).put("api", api.toString());
        json.put("current", now);
        json.put("consumers", consumers.size());
        json.put("compatible", broken.isEmpty());
        var breaks = json.putArray("breaks");
        broken.forEach(u -> breaks.add(GraphCommand.json(u)));
        Printer.print(context.out(), output.format(), json);
      } else {
        print(context.out(), service, api, now, consumers, broken);
      }
      return broken.isEmpty() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }

    private static void print(
        PrintWriter out,
        String service,
        SemanticVersion api,
        String now,
        List<DependencyEdge> consumers,
        List<Unsatisfied> broken) {
      String of = consumers.size() + " consumer" + (consumers.size() == 1 ? "" : "s");
      if (broken.isEmpty()) {
        out.printf("%s API %s breaks none of its %s.%n", service, api, of);
        return;
      }
      out.printf("%s API %s would break %d of its %s:%n", service, api, broken.size(), of);
      Table table = new Table("CONSUMER", "VERSION", "NEEDS", "WHY");
      String current = now == null ? "" : " (" + service + " provides " + now + " now)";
      broken.forEach(
          u ->
              table.row(
                  u.dependency().consumer(),
                  u.dependency().consumerVersion(),
                  u.dependency().range().toString(),
                  api + " is outside " + u.dependency().range() + current));
      table.print(out);
    }
  }

  static ObjectNode json(Unsatisfied u) {
    DependencyEdge edge = u.dependency();
    return JsonNodeFactory.instance
        .objectNode()
        .put("consumer", edge.consumer())
        .put("consumerVersion", edge.consumerVersion())
        .put("provider", edge.provider())
        .put("range", edge.range().toString())
        .put("reason", u.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .put("message", u.message());
  }
}
