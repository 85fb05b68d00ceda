package dev.sextant.agent.probe.python;

import dev.sextant.agent.probe.CommandResult;
import dev.sextant.agent.probe.Probe;
import dev.sextant.agent.probe.ProbeContext;
import dev.sextant.agent.probe.ProbeResult;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.python.Interpreter;
import dev.sextant.core.python.SupportedTags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Discovers the host's Python: runs the interpreter once with {@code interpreter.py} (standard
 * library only) and computes its wheel tags in Java. Facts: {@code python.implementation}, {@code
 * python.version}, {@code python.abi} and {@code python.tags} (most preferred first).
 *
 * <p>A host without the interpreter has no Python facts and only a note: a host without Python is
 * normal. One that cannot be started, fails, hangs or prints what cannot be read gives no facts and
 * a warning, never an exception.
 */
public final class PythonProbe implements Probe {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final String SNIPPET = snippet();

  private final String executable;
  private final Duration timeout;

  public PythonProbe() {
    this("python3", DEFAULT_TIMEOUT);
  }

  public PythonProbe(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "python";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    CommandResult result = context.run(timeout, executable, "-c", SNIPPET);
    if (result.status() == CommandResult.Status.NOT_FOUND) {
      return out.note(executable + " not found: no Python facts").build();
    }
    if (result.status() == CommandResult.Status.FAILED_TO_START) {
      return out.warning(executable + " could not be run: " + result.stderr()).build();
    }
    if (result.status() == CommandResult.Status.TIMED_OUT) {
      return out.warning(executable + " gave no answer within " + timeout.toMillis() + " ms")
          .build();
    }
    if (result.exitCode() != 0) {
      return out.warning(
              executable + " exited with " + result.exitCode() + ": " + result.stderr().strip())
          .build();
    }
    InterpreterReport report = InterpreterReport.parse(result.stdout());
    Optional<Interpreter> interpreter = report.interpreter();
    if (interpreter.isEmpty()) {
      return out.warning(executable + " did not report its implementation and version").build();
    }
    String version = report.fullVersion().orElse(interpreter.get().version().toString());
    return out.facts(facts(interpreter.get(), version)).build();
  }

  /** The facts for an interpreter whose full version is {@code version} ({@code 3.11.7}). */
  static Map<String, Fact> facts(Interpreter interpreter, String version) {
    Map<String, Fact> facts = new LinkedHashMap<>();
    facts.put("python.implementation", new Fact.Text(interpreter.implementation().name()));
    facts.put("python.version", new Fact.Version(version));
    facts.put("python.abi", new Fact.Text(interpreter.abi()));
    facts.put("python.tags", new Fact.Sequence(SupportedTags.computeStrings(interpreter)));
    return facts;
  }

  private static String snippet() {
    try (InputStream in = PythonProbe.class.getResourceAsStream("interpreter.py")) {
      if (in == null) {
        throw new IllegalStateException("interpreter.py is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
