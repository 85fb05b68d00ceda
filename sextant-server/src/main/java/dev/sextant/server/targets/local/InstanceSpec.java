package dev.sextant.server.targets.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a variant's artifact runs as a local instance: its command, with {@value #PORT} where the
 * instance's port goes (a whole argument or inside one, as in {@code --port={{port}}}), its
 * environment, where it runs, the path that answers 200 once it is ready, and how long it gets to
 * become ready and to stop.
 *
 * <p>The environment holds resolved values, secrets included, so {@link #toString()} names the
 * variables but never prints their values.
 */
public record InstanceSpec(
    List<String> command,
    Map<String, String> environment,
    Path workingDirectory,
    String readinessPath,
    Duration readinessTimeout,
    Duration stopTimeout) {

  /** The placeholder replaced by the instance's port in the command and the environment. */
  public static final String PORT = "{{port}}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

  /**
   * @throws IllegalArgumentException when the command is empty, names a placeholder other than
   *     {@value #PORT}, the readiness path does not start with {@code /}, or a timeout is not
   *     positive
   */
  public InstanceSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException("an instance needs a command to run");
    }
    for (String part : command) {
      checkPlaceholders("command", part);
    }
    environment.forEach((name, value) -> checkPlaceholders("environment variable " + name, value));
    if (!readinessPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "the readiness path must start with '/', not '" + readinessPath + "'");
    }
    requirePositive("readiness timeout", readinessTimeout);
    requirePositive("stop timeout", stopTimeout);
  }

  /** The command with {@value #PORT} replaced by {@code port}. */
  public List<String> command(int port) {
    return command.stream().map(part -> withPort(part, port)).toList();
  }

  /** The environment with {@value #PORT} replaced by {@code port}. */
  public Map<String, String> environment(int port) {
    Map<String, String> resolved = new TreeMap<>();
    environment.forEach((name, value) -> resolved.put(name, withPort(value, port)));
    return resolved;
  }

  @Override
  public String toString() {
    return "InstanceSpec[command="
        + command
        + ", environment="
        + new TreeMap<>(environment).keySet()
        + " (values hidden), workingDirectory="
        + workingDirectory
        + ", readinessPath="
        + readinessPath
        + ", readinessTimeout="
        + readinessTimeout
        + ", stopTimeout="
        + stopTimeout
        + "]";
  }

  private static String withPort(String text, int port) {
    return text.replace(PORT, Integer.toString(port));
  }

  private static void checkPlaceholders(String where, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!m.group().equals(PORT)) {
        // the value may be a secret: name the placeholder, not the text around it
        throw new IllegalArgumentException(
            "unknown placeholder " + m.group() + " in " + where + "; only " + PORT + " is known");
      }
    }
  }

  private static void requirePositive(String what, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
    }
  }
}
