package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors and exit codes of the command tree itself. */
class CommandLineTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apply",
        "validate",
        "get",
        "describe",
        "history",
        "server",
        "demo",
        "deploy",
        "rollout",
        "report"
      })
  void every_command_has_help_with_an_example(String command) {
    Cli.Result result = Cli.withHome(home).run(command, "--help");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).contains("Usage: sextant " + command).contains("Examples:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "list", "status", "watch", "pause", "resume", "abort", "promote", "approve", "retry",
        "undo", "history", "logs"
      })
  void every_rollout_verb_has_help_with_its_exit_codes_and_an_example(String verb) {
    Cli.Result result = Cli.withHome(home).run("rollout", verb, "--help");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Usage: sextant rollout " + verb)
        .contains("Exit codes:")
        .contains("Examples:")
        .contains("  sextant rollout " + verb + " ");
  }

  @Test
  void deploy_without_a_release_or_a_file_is_a_usage_error() {
    Cli.Result result = Cli.withHome(home).run("deploy", "--environment", "dev");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("Missing RELEASE").contains("sextant deploy --help");
  }

  @Test
  void undo_with_force_but_no_environment_is_a_usage_error() {
    Cli.Result result = Cli.withHome(home).run("rollout", "undo", "ro-1a2b3c4d5e", "--force");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--force goes with --environment");
  }

  @Test
  void a_rollout_verb_on_a_store_opened_here_says_it_needs_a_server() {
    Cli.Result result = Cli.withHome(home).run("rollout", "pause", "ro-1a2b3c4d5e");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("this command needs a server");
  }

  @Test
  void deploy_with_a_file_on_a_store_opened_here_applies_nothing() throws Exception {
    Path release =
        java.nio.file.Files.writeString(
            home.resolve("release.yaml"),
            """
            apiVersion: sextant.dev/v1
            kind: Service
            metadata:
              name: sample
            spec:
              description: A service.
              owner: team-a
            """);

    Cli.Result deploy =
        Cli.withHome(home).run("deploy", "-f", release.toString(), "--environment", "dev");
    Cli.Result applied = Cli.withHome(home).run("apply", "-f", release.toString());

    assertThat(deploy.code()).as(deploy.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(deploy.err()).contains("this command needs a server");
    assertThat(applied.out()).as("new, not unchanged").contains("Service/sample created");
  }

  @Test
  void root_help_lists_the_commands_and_the_exit_codes() {
    Cli.Result result = Cli.withHome(home).run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "apply",
            "validate",
            "get",
            "describe",
            "history",
            "server",
            "deploy",
            "rollout",
            "report",
            "a watched rollout did not succeed",
            "Exit codes:",
            "4   not found");
  }

  @Test
  void root_help_shows_each_commands_first_sentence_whole_within_80_columns() {
    String out = Cli.withHome(home).run("--help").out();

    Map<String, String> summaries = new LinkedHashMap<>();
    String command = null;
    for (String line :
        out.substring(out.indexOf("Commands:"), out.indexOf("Examples:"))
            .lines()
            .skip(1)
            .toList()) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        command = line.strip().split(" +", 2)[0];
        summaries.put(command, line.strip().split(" +", 2)[1]);
      } else if (!line.isBlank()) {
        summaries.merge(command, line.strip(), (a, b) -> a + " " + b);
      }
    }
    assertThat(summaries.keySet())
        .contains("apply", "fingerprint", "plan", "drift", "agent", "demo");
    assertThat(summaries).allSatisfy((name, summary) -> assertThat(summary).as(name).endsWith("."));
    assertThat(summaries.get("fingerprint"))
        .endsWith("Python and its wheel tags, Java, OS packages.");
    assertThat(summaries.get("plan")).isEqualTo("Decide where releases may run, and explain why.");
    assertThat(out.lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @Test
  void an_unknown_command_is_a_usage_error_with_a_suggestion() {
    Cli.Result result = Cli.withHome(home).run("aply", "-f", "x.yaml");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("apply").contains("--help");
  }

  @Test
  void a_missing_required_option_is_a_usage_error() {
    Cli.Result result = Cli.withHome(home).run("apply");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("Missing required option: '--filename");
  }

  @Test
  void an_unknown_output_format_names_the_allowed_ones() {
    Cli.Result result = Cli.withHome(home).run("get", "releases", "-o", "xml");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("table", "json", "yaml");
  }

  @Test
  void an_unknown_kind_suggests_the_nearest() {
    Cli.Result result = Cli.withHome(home).run("get", "relase");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("unknown kind \"relase\"; did you mean \"release\"?");
  }

  @Test
  void an_unreachable_database_is_reported_without_its_password() {
    Cli.Result result =
        Cli.withHome(home)
            .run(
                "get",
                "releases",
                "--db",
                "jdbc:postgresql://127.0.0.1:1/sextant?user=ops&password=hunter2");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err())
        .contains("127.0.0.1:1")
        .doesNotContain("hunter2")
        .doesNotContain("\tat ");
  }

  @Test
  void an_unreachable_server_is_reported_as_unavailable() {
    Cli.Result result = Cli.withHome(home).run("get", "releases", "--server", "http://127.0.0.1:1");

    assertThat(result.code()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(result.err()).contains("cannot reach the server at http://127.0.0.1:1/");
  }
}
