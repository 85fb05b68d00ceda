package dev.sextant.core.resource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of resource that {@code sextant.dev/v1} declares. */
public enum Kind {
  ENVIRONMENT("Environment", "environments"),
  SERVICE("Service", "services"),
  RELEASE("Release", "releases"),
  POLICY("Policy", "policies"),
  STRATEGY("Strategy", "strategies"),
  ANALYSIS_TEMPLATE("AnalysisTemplate", "analysistemplates"),
  PIPELINE("Pipeline", "pipelines"),
  NOTIFIER("Notifier", "notifiers");

  public static final String API_VERSION = "sextant.dev/v1";

  private final String displayName;
  private final String plural;

  Kind(String displayName, String plural) {
    this.displayName = displayName;
    this.plural = plural;
  }

  /** The name as written in a resource's {@code kind} field, e.g. {@code AnalysisTemplate}. */
  public String displayName() {
    return displayName;
  }

  /** The lower-case plural used in URLs, e.g. {@code analysistemplates}. */
  public String plural() {
    return plural;
  }

  /** The exact kind named in a document; kinds are case-sensitive, as in Kubernetes. */
  public static Optional<Kind> fromDisplayName(String name) {
    return Arrays.stream(values()).filter(k -> k.displayName.equals(name)).findFirst();
  }

  /**
   * A kind as a person types it on the command line: {@code release}, {@code releases}, {@code
   * Release} or {@code analysistemplate} all name a kind.
   */
  public static Optional<Kind> fromUserInput(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            k ->
                k.displayName.toLowerCase(Locale.ROOT).equals(t)
                    || k.plural.equals(t)
                    || k.name().toLowerCase(Locale.ROOT).equals(t))
        .findFirst();
  }
}
