package dev.sextant.server.targets.local.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One instance for Prometheus to scrape: its {@code host:port} and the labels every series from it
 * gets ({@code service}, {@code track}, {@code rollout}, {@code environment}, {@code version}).
 * Prometheus ignores a whole file over one bad entry, so an entry is checked here.
 */
public record ScrapeTarget(String hostPort, Map<String, String> labels) {
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s/@?#]+:\\d{1,5}");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /**
   * @throws IllegalArgumentException when {@code hostPort} is no {@code host:port} or a label name
   *     is not a Prometheus label name
   */
  public ScrapeTarget {
    Objects.requireNonNull(hostPort, "hostPort");
    if (!HOST_PORT.matcher(hostPort).matches()) {
      throw new IllegalArgumentException(
          "a scrape target is host:port, such as 127.0.0.1:8080, not '" + hostPort + "'");
    }
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!LABEL.matcher(label.getKey()).matches()) {
        throw new IllegalArgumentException(
            "'"
                + label.getKey()
                + "' of scrape target "
                + hostPort
                + " is not a label name: a letter or _ then letters, digits or _");
      }
      Objects.requireNonNull(label.getValue(), label.getKey());
    }
  }
}
