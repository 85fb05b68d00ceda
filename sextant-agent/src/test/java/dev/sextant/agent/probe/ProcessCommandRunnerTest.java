package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Against real child processes: the tools used are in every POSIX base system. */
class ProcessCommandRunnerTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @Test
  void a_command_gives_its_exit_code_and_both_outputs() {
    CommandResult result =
        new ProcessCommandRunner()
            .run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), LIMIT);

    assertThat(result.status()).isEqualTo(CommandResult.Status.EXITED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void commands_run_in_the_c_locale() {
    CommandResult result =
        new ProcessCommandRunner().run(List.of("sh", "-c", "echo $LC_ALL"), LIMIT);

    assertThat(result.stdout()).isEqualTo("C\n");
  }

  @Test
  void a_missing_program_is_not_found() {
    CommandResult result =
        new ProcessCommandRunner().run(List.of("sextant-no-such-tool-4711"), LIMIT);

    assertThat(result.status()).isEqualTo(CommandResult.Status.NOT_FOUND);
  }

  @Test
  void a_command_past_its_time_limit_is_killed_with_its_children() {
    long start = System.nanoTime();

    CommandResult result =
        new ProcessCommandRunner()
            .run(List.of("sh", "-c", "sleep 30 & sleep 30; wait"), Duration.ofMillis(200));

    assertThat(result.status()).isEqualTo(CommandResult.Status.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void no_child_outlives_a_command_killed_at_its_limit(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path pidFile = dir.resolve("child.pid");

    CommandResult result =
        new ProcessCommandRunner()
            .run(
                List.of("sh", "-c", "sleep 30 & echo $! > '" + pidFile + "'; wait"),
                Duration.ofMillis(500));

    assertThat(result.status()).isEqualTo(CommandResult.Status.TIMED_OUT);
    long child = Long.parseLong(Files.readString(pidFile).strip());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (running(child) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(running(child)).as("the child sleep %d is still running", child).isFalse();
  }

  /** Running, not merely a zombie waiting for a parent that may never reap it. */
  private static boolean running(long pid) throws IOException {
    Path stat = Path.of("/proc/" + pid + "/stat");
    try {
      String text = Files.readString(stat);
      // pid (comm) state …: the state follows the last ')'.
      return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  @Test
  void output_past_the_cap_is_cut_and_said_to_be() {
    CommandResult result =
        new ProcessCommandRunner(1000)
            .run(List.of("sh", "-c", "yes sextant | head -c 100000"), LIMIT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).hasSize(1000);
    assertThat(result.truncated()).isTrue();
  }
}
