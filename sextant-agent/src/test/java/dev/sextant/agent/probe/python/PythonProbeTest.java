package dev.sextant.agent.probe.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.agent.probe.CommandResult;
import dev.sextant.agent.probe.FakeHost;
import dev.sextant.agent.probe.LocalHost;
import dev.sextant.agent.probe.ProbeResult;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.python.Interpreter;
import dev.sextant.core.python.InterpreterFacts;
import dev.sextant.core.python.SupportedTags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PythonProbeTest {
  private static final String SNIPPET = Fixtures.text("interpreter.py");

  /** A host whose {@code python3} answers the snippet with {@code result}. */
  private static FakeHost python3(CommandResult result) {
    return new FakeHost().command(List.of("python3", "-c", SNIPPET), result);
  }

  @Test
  void this_host_python3_is_cpython_3_11_with_the_acceptance_tags() {
    ProbeResult result = new PythonProbe().probe(LocalHost.create());

    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).isEmpty();
    Map<String, Fact> facts = result.facts();
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
  void the_probe_is_named_python() {
    assertThat(new PythonProbe().name()).isEqualTo("python");
  }

  @Test
  void recorded_output_becomes_four_typed_facts() {
    String output = Fixtures.text("reports/cpython-3.11.2.txt");
    ProbeResult result = new PythonProbe().probe(python3(CommandResult.ok(output)));

    assertThat(result.facts())
        .containsOnlyKeys("python.implementation", "python.version", "python.abi", "python.tags");
    assertThat(result.facts().get("python.implementation")).isEqualTo(new Fact.Text("cpython"));
    assertThat(result.facts().get("python.version")).isEqualTo(new Fact.Version("3.11.2"));
    assertThat(result.facts().get("python.abi")).isEqualTo(new Fact.Text("cp311"));
    assertThat(result.facts().get("python.tags"))
        .isEqualTo(new Fact.Sequence(Fixtures.tags("real-cpython-3.11.2")));
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void a_fingerprint_without_the_tags_derives_the_same_list_from_the_probes_other_facts() {
    String output = Fixtures.text("reports/cpython-3.11.2.txt");
    Map<String, Fact> facts =
        new HashMap<>(new PythonProbe().probe(python3(CommandResult.ok(output))).facts());
    Fact probed = facts.remove("python.tags");
    // What the libc and platform probes write on that host (Debian 12, x86_64).
    facts.put("libc.family", new Fact.Text("glibc"));
    facts.put("libc.version", new Fact.Version("2.36"));
    facts.put("cpu.arch", new Fact.Text("x86_64"));

    Interpreter derived = InterpreterFacts.read(Fingerprint.of(facts)).interpreter().orElseThrow();

    assertThat(new Fact.Sequence(SupportedTags.computeStrings(derived))).isEqualTo(probed);
  }

  @Test
  void the_snippet_is_passed_with_dash_c_to_the_configured_interpreter() {
    FakeHost host = new FakeHost();
    new PythonProbe("python3.12", Duration.ofSeconds(2)).probe(host);

    assertThat(host.ran()).singleElement().isEqualTo("python3.12 -c " + SNIPPET);
    assertThat(SNIPPET).contains("import sysconfig").contains("CS_GNU_LIBC_VERSION");
    assertThat(host.timeouts()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void no_python_gives_no_facts_and_a_note_not_a_warning() {
    ProbeResult result = new PythonProbe().probe(new FakeHost());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).containsExactly("python3 not found: no Python facts");
  }

  @Test
  void a_python_that_cannot_start_gives_no_facts_and_a_warning() {
    ProbeResult result =
        new PythonProbe()
            .probe(
                python3(
                    CommandResult.failedToStart(
                        "Cannot run program \"python3\": error=13, Permission denied")));

    assertOnlyWarning(
        result,
        "python3 could not be run: Cannot run program \"python3\": error=13, Permission denied");
  }

  @Test
  void a_hanging_python_gives_no_facts_and_a_warning() {
    ProbeResult result = new PythonProbe().probe(python3(CommandResult.timedOut()));

    assertOnlyWarning(result, "python3 gave no answer within 5000 ms");
  }

  @Test
  void a_failing_python_gives_no_facts_and_its_error() {
    ProbeResult result =
        new PythonProbe()
            .probe(python3(CommandResult.exited(1, "", "SyntaxError: invalid syntax\n")));

    assertOnlyWarning(result, "python3 exited with 1: SyntaxError: invalid syntax");
  }

  @Test
  void unreadable_output_gives_no_facts_and_a_warning() {
    ProbeResult result = new PythonProbe().probe(python3(CommandResult.ok("hello\nworld=\n")));

    assertOnlyWarning(result, "python3 did not report its implementation and version");
  }

  @Test
  void a_missing_executable_on_the_real_host_is_a_note() {
    ProbeResult result =
        new PythonProbe("sextant-no-such-python", Duration.ofSeconds(5)).probe(LocalHost.create());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).containsExactly("sextant-no-such-python not found: no Python facts");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void an_executable_that_cannot_start_on_the_real_host_is_a_warning(@TempDir Path dir)
      throws IOException {
    Path python = script(dir, "#!/bin/sh\n", "rw-------");

    ProbeResult result =
        new PythonProbe(python.toString(), Duration.ofSeconds(5)).probe(LocalHost.create());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith(python + " could not be run: ")
        .contains("Permission denied");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void a_hanging_interpreter_on_the_real_host_is_stopped_at_the_limit(@TempDir Path dir)
      throws IOException {
    Path python = script(dir, "#!/bin/sh\nsleep 30\n", "rwx------");
    long start = System.nanoTime();

    ProbeResult result =
        new PythonProbe(python.toString(), Duration.ofMillis(300)).probe(LocalHost.create());

    assertOnlyWarning(result, python + " gave no answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /** No facts, no note, and this one warning. */
  private static void assertOnlyWarning(ProbeResult result, String warning) {
    assertThat(result.facts()).isEmpty();
    assertThat(result.notes()).isEmpty();
    assertThat(result.warnings()).containsExactly(warning);
  }

  /** A stand-in {@code python3} under {@code dir} with the given content and permissions. */
  private static Path script(Path dir, String content, String permissions) throws IOException {
    Path python = Files.writeString(dir.resolve("python3"), content);
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString(permissions));
    return python;
  }
}
