package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sextant rollout undo}: one rollout undone, or a service back to its last known good
 * revision in an environment.
 */
@Command(
    name = "undo",
    mixinStandardHelpOptions = true,
    description = {
      "Undo a rollout, or bring a service back to its last known good revision.",
      "",
      "With a rollout's id: the server undoes that rollout, returning traffic to the",
      "revision that was stable before it.",
      "",
      "With a service's name and --environment: the server starts a new rollout",
      "straight to the last revision of the service that succeeded there, without",
      "analysis. It is refused when that revision was since marked bad (--force",
      "deploys it all the same) or when there is none.",
      "",
      "Exit codes: 0 done; 1 refused (the rollout's state does not allow it, the last",
      "good revision is marked bad, or there is none); 4 no such rollout, service or",
      "environment; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout undo ro-1a2b3c4d5e",
      "  sextant rollout undo payments-api --environment prod-eu",
      "  sextant rollout undo payments-api --environment prod-eu --force"
    })
public final class RolloutUndoCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ROLLOUT|SERVICE",
      description = "A rollout's id; or, with --environment, a service's name.")
  String subject;

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "Bring SERVICE back to its last known good revision in this environment.")
  String environment;

  @Option(
      names = "--force",
      description = "With --environment: even when that revision was marked bad.")
  boolean force;

  @Override
  public Integer call() {
    if (force && environment == null) {
      throw new ParameterException(
          spec.commandLine(), "--force goes with --environment: undo SERVICE --environment NAME");
    }
    var context = rollout.root.context();
    try (Backend store = backend.open(context)) {
      var undone =
          environment == null
              ? ApiCalls.post(
                  store,
                  RolloutCommand.path(subject) + "/undo",
                  JsonNodeFactory.instance.objectNode())
              : ApiCalls.post(
                  store,
                  "api/v1/environments/"
                      + URLEncoder.encode(environment, StandardCharsets.UTF_8)
                      + "/services/"
                      + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                      + "/undo",
                  JsonNodeFactory.instance.objectNode().put("force", force));
      RolloutCommand.show(context.out(), output.format(), undone);
    }
    return ExitCode.OK;
  }
}
