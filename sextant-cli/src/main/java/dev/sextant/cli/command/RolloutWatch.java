package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApiJson;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.ServerSentEvent;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.ApiProblems;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.RolloutChanges;
import dev.sextant.cli.output.RolloutView;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Follows a rollout through the server's event stream until it ends: a terminal gets the whole view
 * redrawn at each change, anything else one line per change. A stream that drops before the end is
 * read again once; the server sends the rollout as it stands on connect, so nothing is missed.
 */
final class RolloutWatch {
  private static final ObjectMapper JSON = ApiJson.mapper();
  // ANSI: cursor home, then erase the screen, so that the view is redrawn in place.
  private static final String REDRAW = "\033[H\033[2J";

  private final PrintWriter out;
  private final boolean terminal;
  private Optional<JsonNode> last = Optional.empty();
  private Optional<String> end = Optional.empty();

  RolloutWatch(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Watches until the rollout ends.
   *
   * @return {@link ExitCode#OK} when it succeeded, {@link ExitCode#INCOMPATIBLE} when it ended in
   *     any other phase (failed, aborted, rolled back)
   * @throws CliException not found (4) for an unknown rollout; unavailable (5) when the stream
   *     dropped twice before the end
   */
  int watch(Backend backend, String id) {
    String path = "api/v1/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/events";
    for (int attempt = 1; end.isEmpty(); attempt++) {
      try {
        backend.api().stream(path, this::accept);
        if (end.isEmpty() && attempt == 2) {
          throw CliException.unavailable(
              "the server closed the stream of " + id + " twice before the rollout ended", null);
        }
      } catch (ApiProblem problem) {
        if (problem.status() != 0 || attempt == 2) {
          throw ApiProblems.asCliFailure(problem);
        }
      }
    }
    out.printf("%s %s%n", id, end.get());
    out.flush();
    return end.get().equals("succeeded") ? ExitCode.OK : ExitCode.INCOMPATIBLE;
  }

  /** Takes one event; false at the end, which stops reading. */
  private boolean accept(ServerSentEvent event) {
    JsonNode data = parse(event.data());
    switch (event.event()) {
      case "rollout" -> show(data);
      case "end" -> {
        end = Optional.of(data.path("phase").asText());
        return false;
      }
      default -> {
        // Events this client does not know yet: a newer server's; the view needs none of them.
      }
    }
    return true;
  }

  private void show(JsonNode rollout) {
    if (terminal) {
      out.print(REDRAW);
      RolloutView.print(out, rollout);
    } else {
      RolloutChanges.between(last, rollout).forEach(out::println);
    }
    out.flush();
    last = Optional.of(rollout);
  }

  private static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      throw CliException.unavailable("the server sent an event that is not JSON: " + data, e);
    }
  }
}
