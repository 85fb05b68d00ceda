package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed server left running is stopped by the next one, and nothing else is. */
class LeftoversTest {
  @TempDir Path home;

  @Test
  void a_process_a_previous_server_started_is_killed_with_its_children() throws Exception {
    Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & wait").start();
    Path file = home.resolve("processes");
    new Leftovers(file).started(shell.pid());
    ProcessHandle child = awaitChild(shell);

    int killed = new Leftovers(file).killLeftovers();

    assertThat(killed).isEqualTo(1);
    assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
    child.onExit().get(10, TimeUnit.SECONDS);
    assertThat(child.isAlive()).isFalse();
    assertThat(Files.readAllLines(file)).isEmpty();
  }

  @Test
  void a_pid_given_to_another_process_since_is_left_alone() throws Exception {
    Path file = home.resolve("processes");
    // This JVM's pid, with a start time that is not its own: the pid was reused.
    Files.writeString(file, ProcessHandle.current().pid() + " 1000\n");

    assertThat(new Leftovers(file).killLeftovers()).isZero();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  private static ProcessHandle awaitChild(Process shell) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var child = shell.toHandle().children().findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the shell started no child");
  }
}
