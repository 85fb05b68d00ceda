package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant rollout watch} through the root command, reading recorded event streams from an
 * HTTP server that replays them as the API's contract shapes them, one stream per connection: so
 * that a stream can drop where a test says, which a real server does not do on demand.
 */
class RolloutWatchTest {
  private static final String ID = "ro-1a2b3c4d5e";

  @TempDir Path home;

  private final Deque<String> streams = new ArrayDeque<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void a_rollout_that_succeeds_is_followed_line_by_line_and_exits_0() throws IOException {
    var analysing = Rollouts.analysing();
    var measured = Rollouts.measured(analysing, "2026-12-06T17:02:00Z", 0.01, "successful");
    serve(
        stream(
            List.of(
                Rollouts.started(),
                analysing,
                measured,
                Rollouts.ended(measured, "succeeded", null)),
            "succeeded"));

    Cli.Result result = watch();

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "[0s] ro-1a2b3c4d5e: sample-v2 to dev (service sample), plan plan-3",
            "[0s] progressing, step 1/4 setWeight, canary weight 0%",
            "[0s] stable-0 sample-v1@1/default ready",
            "[1m05s] progressing, step 2/4 analysis, canary weight 20%",
            "[1m05s] canary-0 sample-v2@1/default ready",
            "[2m00s] step-1 error-rate = 0.01: successful",
            "[3m30s] succeeded, step 2/4 analysis, canary weight 20%",
            "ro-1a2b3c4d5e succeeded");
  }

  @Test
  void on_a_terminal_each_state_redraws_the_whole_view_in_place() throws IOException {
    var analysing = Rollouts.analysing();
    serve(
        stream(
            List.of(Rollouts.started(), analysing, Rollouts.ended(analysing, "succeeded", null)),
            "succeeded"));

    Cli.Result result =
        Cli.withHome(home)
            .onTerminal(
                "rollout",
                "watch",
                ID,
                "--server",
                "http://127.0.0.1:" + server.getAddress().getPort());

    assertThat(result.code()).as(result.toString()).isZero();
    String[] screens = result.out().split("\033\\[H\033\\[2J", -1);
    assertThat(screens).hasSize(4);
    assertThat(screens[0]).as("nothing before the first screen").isEmpty();
    assertThat(screens[1]).contains("progressing, step 1/4 setWeight").contains("INSTANCE");
    assertThat(screens[2]).contains("progressing, step 2/4 analysis").contains("canary-0");
    assertThat(screens[3])
        .contains("succeeded, step 2/4 analysis")
        .endsWith("ro-1a2b3c4d5e succeeded\n");
  }

  @Test
  void a_rollout_that_ends_otherwise_exits_3_and_says_why() throws IOException {
    var aborted = Rollouts.ended(Rollouts.analysing(), "aborted", "p99 doubled");
    serve(stream(List.of(Rollouts.analysing(), aborted), "aborted"));

    Cli.Result result = watch();

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.out())
        .contains("aborted, step 2/4 analysis, canary weight 20% (p99 doubled)")
        .endsWith("ro-1a2b3c4d5e aborted\n");
  }

  @Test
  void a_stream_that_drops_is_read_again_once_without_repeating_what_was_shown()
      throws IOException {
    var analysing = Rollouts.analysing();
    var measured = Rollouts.measured(analysing, "2026-12-06T17:02:00Z", 0.01, "successful");
    // The first connection ends without the end event; the server sends the rollout as it stands
    // on the second one, which the watch had already shown.
    serve(
        stream(List.of(Rollouts.started(), analysing), null),
        stream(
            List.of(analysing, measured, Rollouts.ended(measured, "succeeded", null)),
            "succeeded"));

    Cli.Result result = watch();

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out().lines().filter(l -> l.contains("canary weight 20%")))
        .containsExactly(
            "[1m05s] progressing, step 2/4 analysis, canary weight 20%",
            "[3m30s] succeeded, step 2/4 analysis, canary weight 20%");
    assertThat(result.out()).containsOnlyOnce("canary-0 sample-v2@1/default ready");
    assertThat(result.out()).contains("step-1 error-rate = 0.01: successful");
  }

  @Test
  void a_stream_that_drops_twice_is_unavailable() throws IOException {
    serve(
        stream(List.of(Rollouts.started()), null),
        stream(List.of(Rollouts.analysing()), null),
        stream(List.of(Rollouts.ended(Rollouts.analysing(), "succeeded", null)), "succeeded"));

    Cli.Result result = watch();

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err())
        .contains("error: the server closed the stream of ro-1a2b3c4d5e twice before the rollout")
        .doesNotContain("\tat ");
    assertThat(streams).as("no third connection").hasSize(1);
  }

  @Test
  void an_unknown_rollout_is_not_found() throws IOException {
    serve();

    Cli.Result result = watch();

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(result.err()).contains("rollout ro-1a2b3c4d5e not found");
  }

  private Cli.Result watch() {
    return Cli.withHome(home)
        .run(
            "rollout",
            "watch",
            ID,
            "--server",
            "http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** An event stream as the server sends it: a rollout event per state, then the end if any. */
  private static String stream(List<? extends JsonNode> states, String end) {
    StringBuilder text = new StringBuilder(": connected\n\n");
    for (JsonNode state : states) {
      text.append("event: rollout\ndata: ").append(Rollouts.text(state)).append("\n\n");
    }
    if (end != null) {
      text.append("event: end\ndata: {\"phase\": \"").append(end).append("\"}\n\n");
    }
    return text.toString();
  }

  /** Serves each stream to one connection in turn; a 404 problem when none is left. */
  private void serve(String... recorded) throws IOException {
    streams.addAll(List.of(recorded));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/rollouts/" + ID + "/events",
        exchange -> {
          String next = streams.poll();
          byte[] body =
              (next != null
                      ? next
                      : "{\"type\": \"https://sextant.dev/problems/not-found\", \"status\": 404,"
                          + " \"detail\": \"rollout "
                          + ID
                          + " not found\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", next != null ? "text/event-stream" : "application/problem+json");
          exchange.sendResponseHeaders(next != null ? 200 : 404, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }
}
