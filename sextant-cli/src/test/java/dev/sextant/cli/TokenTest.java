package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent token through the real root command: a token file that cannot be read is invalid input
 * (exit 1) without a stack trace; recording a fingerprint and accepting one over --server send it;
 * a server off loopback needs one.
 */
class TokenTest {
  private static final String TOKEN = "token-test-secret";
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: gpu-lab
      spec:
        target:
          type: agent
        facts:
          cpu.arch: x86_64
        drift: alert
      """;
  private static final String OBSERVED =
      """
      collectedAt: 2026-11-20T09:00:00Z
      facts:
        cpu.arch: x86_64
      """;

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void a_missing_agent_token_file_is_invalid_input_without_a_stack_trace() {
    Cli cli = Cli.withHome(home);

    Cli.Result server = cli.run("server", "--port", "0", "--agent-token-file", "/missing");
    Cli.Result agent =
        cli.run(
            "agent",
            "--server",
            "http://127.0.0.1:9",
            "--environment",
            "lab",
            "--token-file",
            "/missing",
            "--once");

    for (Cli.Result result : new Cli.Result[] {server, agent}) {
      assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(result.err())
          .as(result.toString())
          .contains("cannot read the token file /missing: no such file")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void a_stack_trace_is_shown_only_with_sextant_debug() {
    Cli.Result result =
        Cli.withHome(home)
            .withEnv("SEXTANT_DEBUG", "1")
            .run("server", "--port", "0", "--agent-token-file", "/missing");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("cannot read the token file /missing").contains("\tat ");
  }

  @Test
  void a_server_refuses_to_listen_off_loopback_without_an_agent_token() {
    Cli.Result result = Cli.withHome(home).run("server", "--port", "0", "--bind", "0.0.0.0");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("refusing to listen on 0.0.0.0 without an agent token")
        .doesNotContain("\tat ");
  }

  @Test
  void recording_and_accepting_over_a_server_send_the_agent_token() throws Exception {
    Path serverHome = Files.createDirectory(files.resolve("server"));
    try (SextantServer server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(serverHome))
                .withAgentToken(TOKEN))) {
      String url = "http://127.0.0.1:" + server.port();
      Cli cli = Cli.withHome(home);
      Path environment = Files.writeString(files.resolve("env.yaml"), ENVIRONMENT);
      Path fingerprint = Files.writeString(files.resolve("fp.yaml"), OBSERVED);
      Path tokenFile = Files.writeString(files.resolve("token"), TOKEN + "\n");
      assertThat(cli.run("apply", "-f", environment.toString(), "--server", url).code()).isZero();

      Cli.Result anonymous =
          cli.run(
              "fingerprint", "--record", "gpu-lab", "-f", fingerprint.toString(), "--server", url);
      Cli.Result withEnv =
          Cli.withHome(home)
              .withEnv("SEXTANT_AGENT_TOKEN", TOKEN)
              .run(
                  "fingerprint",
                  "--record",
                  "gpu-lab",
                  "-f",
                  fingerprint.toString(),
                  "--server",
                  url);
      Cli.Result acceptAnonymous = cli.run("drift", "gpu-lab", "--accept", "--server", url);
      Cli.Result accepted =
          cli.run(
              "drift",
              "gpu-lab",
              "--accept",
              "--server",
              url,
              "--token-file",
              tokenFile.toString());

      assertThat(anonymous.code()).as(anonymous.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(anonymous.err())
          .contains("401")
          .contains("SEXTANT_AGENT_TOKEN")
          .doesNotContain(TOKEN);
      assertThat(withEnv.code()).as(withEnv.toString()).isZero();
      assertThat(withEnv.out()).contains("revision 1 recorded");
      assertThat(acceptAnonymous.code())
          .as(acceptAnonymous.toString())
          .isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(accepted.code()).as(accepted.toString()).isZero();
      assertThat(accepted.out()).contains("is now the last known good");
    }
  }

  @Test
  void recording_on_the_local_store_needs_no_token() throws Exception {
    Cli cli = Cli.withHome(home);
    assertThat(
            cli.run(
                    "apply",
                    "-f",
                    Files.writeString(files.resolve("env.yaml"), ENVIRONMENT).toString())
                .code())
        .isZero();

    Cli.Result recorded =
        cli.run(
            "fingerprint",
            "--record",
            "gpu-lab",
            "-f",
            Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());

    assertThat(recorded.code()).as(recorded.toString()).isZero();
  }
}
