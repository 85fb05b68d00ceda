package dev.sextant.cli.command;

import dev.sextant.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant rollout watch}: a rollout followed live until it ends. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follow a rollout live until it ends.",
      "",
      "It shows the rollout's phase, its step and the canary's share of traffic, each",
      "instance's revision and state, each measurement of its analyses with its",
      "verdict, and the time since it started.",
      "",
      "On a terminal the view is redrawn in place; otherwise (a pipe, a CI log) one",
      "line is printed per change. Stopping the watch (Ctrl-C) does not stop the",
      "rollout. If the connection drops, the watch reconnects once.",
      "",
      "Exit codes: 0 the rollout succeeded; 3 it ended otherwise (failed, aborted,",
      "rolled back); 4 no such rollout; 5 the server could not be reached, or the",
      "stream dropped again; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout watch ro-1a2b3c4d5e",
      "  sextant rollout watch ro-1a2b3c4d5e | tee rollout.log && echo promoted"
    })
public final class RolloutWatchCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "ROLLOUT", description = "The rollout's id, e.g. ro-1a2b3c4d5e.")
  String id;

  @Override
  public Integer call() {
    var context = rollout.root.context();
    try (Backend store = backend.open(context)) {
      return new RolloutWatch(context.out(), context.terminal()).watch(store, id);
    }
  }
}
