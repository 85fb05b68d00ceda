package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the local target runs a variant's downloaded artifact: the command (without a shell) and its
 * environment, how many instances, when an instance counts as ready, and how long it may take to
 * start and to stop. The command and plain environment values may use {@code {{port}}}, the port
 * the target gives each instance, and {@code {{artifact}}}, the path of the checked download.
 */
public record Run(
    List<String> command,
    Map<String, EnvValue> env,
    String readinessPath,
    int instances,
    Duration stopTimeout,
    Duration readinessTimeout) {

  public static final String DEFAULT_READINESS_PATH = "/healthz";
  public static final int DEFAULT_INSTANCES = 1;
  public static final int MAX_INSTANCES = 100;
  // systemd waits 90s and Kubernetes 30s; a service behind a load balancer that has already
  // drained it needs far less, and a rollback should not wait on a stuck process.
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(60);

  /** The placeholders the target fills in, each with what it stands for. */
  public static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "{{port}}", "the port this instance listens on",
          "{{artifact}}", "the path of the downloaded, checked artifact");

  public Run {
    command = Defaults.list(command);
    if (command.isEmpty()) {
      throw new FieldException("command", "a run needs a command");
    }
    env = Defaults.ordered(env);
    Objects.requireNonNull(readinessPath, "readinessPath");
    if (!readinessPath.startsWith("/")) {
      throw new FieldException(
          "readinessPath", "expected a path starting with '/', found \"" + readinessPath + "\"");
    }
    if (instances < 1 || instances > MAX_INSTANCES) {
      throw new FieldException(
          "instances",
          "expected between 1 and " + MAX_INSTANCES + " instances, found " + instances);
    }
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(readinessTimeout, "readinessTimeout");
    for (int i = 0; i < command.size(); i++) {
      checkPlaceholders("command[" + i + "]", command.get(i));
    }
    env.forEach(
        (name, value) -> {
          if (value instanceof EnvValue.Plain plain) {
            checkPlaceholders("env." + name, plain.value());
          }
        });
  }

  /** A run as written: what is left out takes its default. */
  @JsonCreator
  static Run fromDocument(
      @JsonProperty("command") List<String> command,
      @JsonProperty("env") Map<String, EnvValue> env,
      @JsonProperty("readinessPath") String readinessPath,
      @JsonProperty("instances") Integer instances,
      @JsonProperty("stopTimeout") Duration stopTimeout,
      @JsonProperty("readinessTimeout") Duration readinessTimeout) {
    return new Run(
        command,
        env,
        readinessPath == null ? DEFAULT_READINESS_PATH : readinessPath,
        instances == null ? DEFAULT_INSTANCES : instances,
        stopTimeout == null ? DEFAULT_STOP_TIMEOUT : stopTimeout,
        readinessTimeout == null ? DEFAULT_READINESS_TIMEOUT : readinessTimeout);
  }

  /** Finds every {@code {{…}}} in a text and refuses those the target does not fill in. */
  private static void checkPlaceholders(String field, String text) {
    int from = text.indexOf("{{");
    while (from >= 0) {
      int end = text.indexOf("}}", from);
      String written = end < 0 ? text.substring(from) : text.substring(from, end + 2);
      if (!PLACEHOLDERS.containsKey(written)) {
        throw new FieldException(
            field,
            "unknown placeholder \""
                + written
                + "\"; expected {{port}} ("
                + PLACEHOLDERS.get("{{port}}")
                + ") or {{artifact}} ("
                + PLACEHOLDERS.get("{{artifact}}")
                + ")");
      }
      from = text.indexOf("{{", from + written.length());
    }
  }
}
