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
 * Tokens, roles and approvals through the real root command, against a real server: a token file
 * that cannot be read is invalid input (exit 1) without a stack trace; a request without a valid
 * token, or by a role that does not allow it, exits 7 and never shows a token; an admin makes
 * tokens and grants roles; a plan a policy holds waits until someone other than its requester
 * approves it.
 */
class AccessCommandsTest {
  private static final String ADMIN = "sxt_access-commands-test-admin";
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
  void recording_and_accepting_over_a_server_send_the_api_token() throws Exception {
    try (SextantServer server = server()) {
      String url = "http://127.0.0.1:" + server.port();
      Path environment = Files.writeString(files.resolve("env.yaml"), ENVIRONMENT);
      Path fingerprint = Files.writeString(files.resolve("fp.yaml"), OBSERVED);
      Path tokenFile = Files.writeString(files.resolve("token"), ADMIN + "\n");
      Cli anonymous = Cli.withHome(home);
      Cli admin = Cli.withHome(home).withEnv("SEXTANT_TOKEN", ADMIN);
      assertThat(admin.run("apply", "-f", environment.toString(), "--server", url).code()).isZero();

      Cli.Result refused =
          anonymous.run(
              "fingerprint", "--record", "gpu-lab", "-f", fingerprint.toString(), "--server", url);
      Cli.Result withEnv =
          admin.run(
              "fingerprint", "--record", "gpu-lab", "-f", fingerprint.toString(), "--server", url);
      Cli.Result acceptRefused = anonymous.run("drift", "gpu-lab", "--accept", "--server", url);
      Cli.Result accepted =
          anonymous.run(
              "drift",
              "gpu-lab",
              "--accept",
              "--server",
              url,
              "--token-file",
              tokenFile.toString());

      assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(refused.err()).contains("401").contains("SEXTANT_TOKEN").doesNotContain(ADMIN);
      assertThat(withEnv.code()).as(withEnv.toString()).isZero();
      assertThat(withEnv.out()).contains("revision 1 recorded");
      assertThat(acceptRefused.code()).as(acceptRefused.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(accepted.code()).as(accepted.toString()).isZero();
      assertThat(accepted.out()).contains("is now the last known good");
    }
  }

  @Test
  void an_admin_makes_tokens_and_grants_roles_and_only_another_person_approves() throws Exception {
    try (SextantServer server = server()) {
      String url = "http://127.0.0.1:" + server.port();
      Cli admin = Cli.withHome(home).withEnv("SEXTANT_TOKEN", ADMIN);
      assertThat(admin.run("apply", "-f", "../examples/", "--server", url).code()).isZero();

      Cli.Result made =
          admin.run("token", "create", "alice", "--description", "laptop", "--server", url);
      assertThat(made.code()).as(made.toString()).isZero();
      String aliceToken = made.out().lines().filter(l -> l.startsWith("sxt_")).findFirst().get();
      String bobToken = token(admin, "bob", url);
      Cli alice = Cli.withHome(home).withEnv("SEXTANT_TOKEN", aliceToken);
      Cli bob = Cli.withHome(home).withEnv("SEXTANT_TOKEN", bobToken);

      // No role yet: the server knows alice and refuses her everything but whoami.
      Cli.Result nobody = alice.run("get", "releases", "--server", url);
      assertThat(nobody.code()).as(nobody.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(nobody.err()).contains("403").contains("no role").doesNotContain(aliceToken);
      assertThat(alice.run("whoami", "--server", url).out()).contains("alice (user)", "no role");

      assertThat(
              admin
                  .run(
                      "role",
                      "grant",
                      "deployer",
                      "--to",
                      "alice",
                      "--on",
                      "tier=prod",
                      "--server",
                      url)
                  .code())
          .isZero();
      assertThat(admin.run("role", "grant", "approver", "--to", "bob", "--server", url).code())
          .isZero();
      assertThat(admin.run("role", "list", "--server", url).out())
          .contains("alice", "deployer", "tier=prod", "bob", "approver", "every environment");

      // A deployer applies Releases but not Policies, and deploys only in its scope.
      Cli.Result policy = alice.run("apply", "-f", "../examples/policies/", "--server", url);
      assertThat(policy.code()).as(policy.toString()).isEqualTo(ExitCode.DENIED);
      Cli.Result staging =
          alice.run(
              "plan", "submit", "payments-api-2-4-0", "--environment", "staging", "--server", url);
      assertThat(staging.code()).as(staging.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(staging.err()).contains("may not deploy in environment staging");

      Cli.Result submitted =
          alice.run(
              "plan", "submit", "payments-api-2-4-0", "--environment", "prod-us", "--server", url);
      assertThat(submitted.code()).as(submitted.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
      assertThat(submitted.out())
          .contains("plan-1", "needs-approval", "awaiting-approval", "prod-signed-releases");

      Cli.Result own = alice.run("approve", "plan-1", "--server", url);
      assertThat(own.code()).as(own.toString()).isEqualTo(ExitCode.DENIED);
      Cli.Result wrongDigest =
          bob.run("approve", "plan-1", "--digest", "sha256:" + "0".repeat(64), "--server", url);
      assertThat(wrongDigest.code()).as(wrongDigest.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(wrongDigest.err()).contains("409");
      Cli.Result approved = bob.run("approve", "plan-1", "--server", url);
      assertThat(approved.code()).as(approved.toString()).isZero();
      assertThat(approved.out()).contains("approved", "approved by bob");
      assertThat(admin.run("plan", "show", "--server", url).out())
          .contains("plan-1", "payments-api-2-4-0", "prod-us", "approved", "alice");

      // A revoked token is refused from then on.
      String id =
          admin
              .run("token", "list", "--identity", "bob", "--server", url)
              .out()
              .lines()
              .filter(l -> l.startsWith("tok-"))
              .findFirst()
              .orElseThrow()
              .split("\\s+")[0];
      assertThat(admin.run("token", "revoke", id, "--server", url).code()).isZero();
      Cli.Result revoked = bob.run("whoami", "--server", url);
      assertThat(revoked.code()).as(revoked.toString()).isEqualTo(ExitCode.DENIED);
      assertThat(revoked.err()).contains("revoked").doesNotContain(bobToken);
    }
  }

  private SextantServer server() throws Exception {
    Path serverHome = Files.createDirectory(files.resolve("server"));
    return SextantServer.start(
        ServerConfig.onLoopback(new StoreLocation.Embedded(serverHome)).withFirstAdminToken(ADMIN));
  }

  private static String token(Cli admin, String identity, String url) {
    Cli.Result made = admin.run("token", "create", identity, "--server", url, "-o", "json");
    assertThat(made.code()).as(made.toString()).isZero();
    return made.out().replaceAll("(?s).*\"token\" *: *\"([^\"]+)\".*", "$1");
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
