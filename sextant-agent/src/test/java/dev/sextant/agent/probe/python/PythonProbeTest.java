package dev.sextant.agent.probe.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonProbeTest {
  private final List<String> warnings = new ArrayList<>();

  @Test
  void this_host_python3_is_cpython_3_11_with_the_acceptance_tags() {
    Map<String, Fact> facts = new PythonProbe().probe(new ProcessCommandRunner(), warnings::add);

    assertThat(warnings).isEmpty();
    assertThat(facts)
        .containsOnlyKeys("python.implementation", "python.version", "python.abi", "python.tags");
    assertThat(facts.get("python.implementation")).isEqualTo(new Fact.Text("cpython"));
    assertThat(facts.get("python.version").display()).startsWith("3.11.");
    assertThat(facts.get("python.abi")).isEqualTo(new Fact.Text("cp311"));
    List<String> tags = ((Fact.Sequence) facts.get("python.tags")).values();
    assertThat(tags.get(0)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
    assertThat(tags).contains("cp311-abi3-manylinux2014_x86_64", "py3-none-manylinux_2_17_x86_64");
    assertThat(tags.get(tags.size() - 1)).isEqualTo("py30-none-any");
    assertThat(tags).hasSize(914);
  }

  @Test
  void recorded_output_becomes_four_typed_facts() {
    String output = Fixtures.text("reports/cpython-3.11.2.txt");
    Map<String, Fact> facts =
        new PythonProbe()
            .probe(answering(new CommandResult.Completed(0, output, "")), warnings::add);

    assertThat(facts.get("python.implementation")).isEqualTo(new Fact.Text("cpython"));
    assertThat(facts.get("python.version")).isEqualTo(new Fact.Version("3.11.2"));
    assertThat(facts.get("python.abi")).isEqualTo(new Fact.Text("cp311"));
    assertThat(facts.get("python.tags"))
        .isEqualTo(new Fact.Sequence(Fixtures.tags("real-cpython-3.11.2")));
    assertThat(warnings).isEmpty();
  }

  @Test
  void the_snippet_is_passed_with_dash_c_to_the_configured_interpreter() {
    List<List<String>> commands = new ArrayList<>();
    new PythonProbe("python3.12", Duration.ofSeconds(2))
        .probe(
            (command, timeout) -> {
              commands.add(command);
              assertThat(timeout).isEqualTo(Duration.ofSeconds(2));
              return new CommandResult.NotStarted("test");
            });
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).subList(0, 2)).containsExactly("python3.12", "-c");
    assertThat(commands.get(0).get(2)).contains("import sysconfig").contains("CS_GNU_LIBC_VERSION");
  }

  @Test
  void no_python_gives_no_facts_and_a_warning() {
    var facts =
        new PythonProbe()
            .probe(
                answering(new CommandResult.NotStarted("No such file or directory")),
                warnings::add);
    assertThat(facts).isEmpty();
    assertThat(warnings).singleElement().asString().contains("python3").contains("No such file");
  }

  @Test
  void a_hanging_python_gives_no_facts_and_a_warning() {
    var facts =
        new PythonProbe()
            .probe(answering(new CommandResult.TimedOut(Duration.ofSeconds(5))), warnings::add);
    assertThat(facts).isEmpty();
    assertThat(warnings).singleElement().asString().contains("5000 ms");
  }

  @Test
  void a_failing_python_gives_no_facts_and_its_error() {
    var failed = new CommandResult.Completed(1, "", "SyntaxError: invalid syntax");
    assertThat(new PythonProbe().probe(answering(failed), warnings::add)).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("exited with 1")
        .contains("SyntaxError");
  }

  @Test
  void unreadable_output_gives_no_facts_and_a_warning() {
    var garbage = new CommandResult.Completed(0, "hello\nworld=\n", "");
    assertThat(new PythonProbe().probe(answering(garbage), warnings::add)).isEmpty();
    assertThat(warnings).singleElement().asString().contains("did not report");
  }

  @Test
  void a_missing_executable_through_the_real_runner_gives_no_facts() {
    var facts =
        new PythonProbe("sextant-no-such-python", Duration.ofSeconds(5))
            .probe(new ProcessCommandRunner(), warnings::add);
    assertThat(facts).isEmpty();
    assertThat(warnings).singleElement().asString().contains("could not be run");
  }

  @Test
  void the_real_runner_kills_a_command_past_its_limit() {
    long started = System.nanoTime();
    CommandResult result =
        new ProcessCommandRunner()
            .run(List.of("python3", "-c", "import time; time.sleep(30)"), Duration.ofMillis(300));
    assertThat(result).isEqualTo(new CommandResult.TimedOut(Duration.ofMillis(300)));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  private static CommandRunner answering(CommandResult result) {
    return (command, timeout) -> result;
  }
}
