package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A verb that asks the server to move a rollout ({@code pause}, {@code abort}...), with the reason
 * its history records; each subclass is one verb with its own help.
 */
abstract class RolloutMoveCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ROLLOUT", description = "The rollout's id, e.g. ro-1a2b3c4d5e.")
  String id;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why, recorded in the rollout's history.")
  String reason;

  /** The verb as the API's path names it. */
  abstract String verb();

  @Override
  public Integer call() {
    var context = rollout.root.context();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (reason != null) {
      body.put("reason", reason);
    }
    try (Backend store = backend.open(context)) {
      RolloutCommand.show(
          context.out(),
          output.format(),
          ApiCalls.post(store, RolloutCommand.path(id) + "/" + verb(), body));
    }
    return ExitCode.OK;
  }
}
