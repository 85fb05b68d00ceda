package dev.sextant.agent.kubernetes;

import java.util.Map;
import java.util.Optional;

/**
 * A node's labels, read the way discovery tools write them: a blank value is no value, and of
 * several keys for the same thing the first present one wins, so callers list the current key
 * before the deprecated one it replaced.
 */
record NodeLabels(Map<String, String> labels) {
  NodeLabels {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The value of the first of {@code keys} that is present and not blank. */
  Optional<String> first(String... keys) {
    for (String key : keys) {
      String value = labels.get(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code key} is set to {@code true}, the value NFD and GFD use for a present feature.
   */
  boolean isTrue(String key) {
    return "true".equalsIgnoreCase(labels.getOrDefault(key, "").trim());
  }

  /** The value of {@code key} read as a boolean, when it is {@code true} or {@code false}. */
  Optional<Boolean> bool(String key) {
    return first(key)
        .map(v -> v.toLowerCase(java.util.Locale.ROOT))
        .filter(v -> v.equals("true") || v.equals("false"))
        .map(Boolean::parseBoolean);
  }

  /** The value of {@code key} as a non-negative whole number, when it is one. */
  Optional<Long> count(String... keys) {
    return first(keys).flatMap(NodeLabels::wholeNumber);
  }

  Map<String, String> asMap() {
    return labels;
  }

  static Optional<Long> wholeNumber(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }
}
