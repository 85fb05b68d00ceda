package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.Main;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.RolloutView;
import dev.sextant.core.document.Limits;
import dev.sextant.core.resource.Kind;
import dev.sextant.server.store.ApplyOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant deploy}: a release rolled out to an environment, as its strategy says. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy a release to an environment, as a rollout that follows its strategy.",
      "",
      "The server plans it, and when the plan allows it, starts a rollout that",
      "follows the release's strategy (canary weights, pauses, analyses, approvals)",
      "on the server, whether anyone watches or not.",
      "",
      "With -f, the files are applied first (as 'sextant apply' does) and the Release",
      "among them is deployed. --plan deploys a plan that was submitted and approved",
      "before ('sextant plan submit', 'sextant approve'); without it, the server",
      "plans anew. It takes the deployer role in the environment. Only one rollout at",
      "a time may hold an environment's service: another is refused, and names that",
      "one.",
      "",
      "It prints the rollout's id and the commands that follow it; --watch follows it",
      "until it ends, as 'sextant rollout watch' does.",
      "",
      "Exit codes: 0 started (with --watch: succeeded); 3 with --watch: the rollout",
      "ended otherwise (failed, aborted, rolled back); 1 refused (the plan does not",
      "allow it or awaits approval, another rollout holds the environment) or bad",
      "input; 4 unknown release or environment; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant deploy payments-api-2.4.0 --environment prod-eu",
      "  sextant deploy payments-api-2.4.0 --environment prod-eu --plan plan-3",
      "  sextant deploy sample-v2 --environment dev --watch",
      "  sextant deploy -f release.yaml --environment dev"
    })
public final class DeployCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "RELEASE",
      arity = "0..1",
      description = "The stored Release's name; with -f, the files' Release when absent.")
  String release;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR|-",
      description =
          "Apply these files first (a file, a directory, or - for standard input; repeatable).")
  List<String> files;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "NAME",
      description = "The stored Environment to deploy to.")
  String environment;

  @Option(
      names = "--plan",
      paramLabel = "PLAN",
      description = "An approved plan of this release and environment, e.g. plan-3.")
  String plan;

  @Option(names = "--watch", description = "Follow the rollout until it ends.")
  boolean watch;

  @Override
  public Integer call() {
    if (release == null && files == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing RELEASE: name a stored Release, or give -f FILE");
    }
    var context = root.context();
    try (Backend store = backend.open(context)) {
      // Only a server deploys: a store opened here says so now, before any file is applied.
      store.api();
      String name = files == null ? release : applied(context, store);
      ObjectNode request =
          JsonNodeFactory.instance
              .objectNode()
              .put("release", name)
              .put("environment", environment);
      if (plan != null) {
        request.put("plan", plan);
      }
      JsonNode started = ApiCalls.post(store, "api/v1/deployments", request);
      if (output.format() == Format.TABLE) {
        started(context.out(), started);
      } else {
        Printer.print(context.out(), output.format(), started);
      }
      return watch
          ? new RolloutWatch(context.out(), context.terminal())
              .watch(store, started.path("id").asText())
          : ExitCode.OK;
    }
  }

  /** Applies the files and returns the Release to deploy: the one named, else their only one. */
  private String applied(Main.Context context, Backend store) {
    var inputs = new ResourceFiles(Limits.DEFAULT, System.in).read(files);
    List<String> releases =
        store.apply(inputs, Authors.current(context)).stream()
            .map(ApplyOutcome::revision)
            .filter(r -> r.key().kind() == Kind.RELEASE)
            .map(r -> r.key().name())
            .toList();
    if (release != null) {
      return release;
    }
    if (releases.size() != 1) {
      throw CliException.invalid(
          "the files hold "
              + (releases.isEmpty() ? "no Release" : releases.size() + " Releases " + releases)
              + "; name the one to deploy: sextant deploy RELEASE -f ... --environment "
              + environment);
    }
    return releases.get(0);
  }

  private static void started(PrintWriter out, JsonNode rollout) {
    String id = rollout.path("id").asText();
    out.printf(
        "rollout %s started: %s to %s, plan %s%n",
        id,
        rollout.path("release").asText(),
        rollout.path("environment").asText(),
        rollout.path("plan").asText("-"));
    out.printf("  %s%n", RolloutView.progress(rollout));
    out.printf("Next:%n");
    out.printf("  sextant rollout watch %s      follow it until it ends%n", id);
    out.printf("  sextant rollout status %s     where it stands%n", id);
    out.printf("  sextant rollout pause %s      hold it where it is%n", id);
    out.printf("  sextant rollout abort %s      back to the stable revision%n", id);
    out.flush();
  }
}
