package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant agent} against a real server: registration, a signed report, refusals. */
class AgentCommandTest {
  private static final String TOKEN = "agent-token-for-tests";

  @TempDir Path serverHome;
  @TempDir Path agentHome;
  private SextantServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(serverHome))
                .withAgentToken(TOKEN)
                .withFirstAdminToken("sxt_agent-command-test-admin"));
    Cli.Result applied =
        Cli.withHome(agentHome)
            .withEnv("SEXTANT_TOKEN", "sxt_agent-command-test-admin")
            .run(
                "apply",
                "-f",
                ValidateCommandTest.EXAMPLES.resolve("environments/dev.yaml").toString(),
                "--server",
                url());
    assertThat(applied.code()).as(applied.toString()).isZero();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_agent_registers_and_reports_this_host_once() throws Exception {
    Path tokenFile = Files.writeString(agentHome.resolve("token"), TOKEN + "\n");

    Cli.Result first = agent("--token-file", tokenFile.toString());
    Cli.Result second = agent("--token-file", tokenFile.toString());

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains(
            "agent host-a registered for environment dev", "reported dev: revision 1 recorded");
    assertThat(second.out())
        .contains("agent host-a unchanged", "reported dev: revision 1 unchanged");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(agentHome.resolve("agent/ed25519.key"))))
        .isEqualTo("rw-------");
    assertThat(server.services().discovery().latest("dev"))
        .get()
        .satisfies(r -> assertThat(r.summary().source()).isEqualTo("agent:host-a"));
    assertThat(first.out() + first.err()).doesNotContain(TOKEN);
  }

  @Test
  void a_wrong_token_is_refused_and_nothing_is_recorded() {
    Cli.Result result = agent("--token", "not-the-token");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("401").doesNotContain("not-the-token");
    assertThat(server.services().discovery().latest("dev")).isEmpty();
  }

  @Test
  void an_undeclared_environment_is_refused() {
    Cli.Result result =
        Cli.withHome(agentHome)
            .run(
                "agent",
                "--server",
                url(),
                "--environment",
                "nowhere",
                "--name",
                "host-a",
                "--token",
                TOKEN,
                "--once");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("nowhere is not declared");
  }

  private Cli.Result agent(String... tokenArgs) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "agent", "--server", url(), "--environment", "dev", "--name", "host-a", "--once"));
    args.addAll(java.util.List.of(tokenArgs));
    return Cli.withHome(agentHome).run(args.toArray(String[]::new));
  }

  private String url() {
    return "http://127.0.0.1:" + server.port();
  }
}
