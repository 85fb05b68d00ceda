package dev.sextant.agent.probe.python;

import dev.sextant.core.fingerprint.Fact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Discovers the host's Python: runs the interpreter once with {@code interpreter.py} (standard
 * library only) and computes its wheel tags in Java. Facts: {@code python.implementation}, {@code
 * python.version}, {@code python.abi} and {@code python.tags} (most preferred first). A missing,
 * failing or hanging interpreter gives no facts and a warning, never an exception.
 */
public final class PythonProbe {
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

  public Map<String, Fact> probe(CommandRunner runner) {
    return probe(runner, warning -> {});
  }

  public Map<String, Fact> probe(CommandRunner runner, Consumer<String> warnings) {
    CommandResult result = runner.run(List.of(executable, "-c", SNIPPET), timeout);
    if (result instanceof CommandResult.NotStarted notStarted) {
      warnings.accept(executable + " could not be run: " + notStarted.reason());
      return Map.of();
    }
    if (result instanceof CommandResult.TimedOut timedOut) {
      warnings.accept(executable + " gave no answer within " + timedOut.limit().toMillis() + " ms");
      return Map.of();
    }
    var completed = (CommandResult.Completed) result;
    if (completed.exitCode() != 0) {
      warnings.accept(
          executable + " exited with " + completed.exitCode() + ": " + completed.stderr().strip());
      return Map.of();
    }
    InterpreterReport report = InterpreterReport.parse(completed.stdout());
    Optional<Interpreter> interpreter = report.interpreter();
    if (interpreter.isEmpty()) {
      warnings.accept(executable + " did not report its implementation and version");
      return Map.of();
    }
    return facts(
        interpreter.get(), report.fullVersion().orElse(interpreter.get().version().toString()));
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
