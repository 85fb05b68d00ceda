package dev.sextant.core.resource.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric of an analysis, with Argo Rollouts semantics: measured {@code count} times every {@code
 * interval}; each measurement is successful, failed or inconclusive by its CEL conditions over
 * {@code result}; the limits say how many failures, inconclusive results and consecutive query
 * errors are tolerated.
 */
public record Metric(
    String name,
    Optional<Duration> interval,
    Optional<Duration> initialDelay,
    Optional<Integer> count,
    Optional<String> successCondition,
    Optional<String> failureCondition,
    int failureLimit,
    int inconclusiveLimit,
    Integer consecutiveErrorLimit,
    boolean dryRun,
    Provider provider) {

  /** Argo Rollouts' default: a few transient query errors do not fail an analysis. */
  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  public Metric {
    Objects.requireNonNull(name, "name");
    interval = Defaults.optional(interval);
    initialDelay = Defaults.optional(initialDelay);
    count = Defaults.optional(count);
    successCondition = Defaults.optional(successCondition);
    failureCondition = Defaults.optional(failureCondition);
    consecutiveErrorLimit =
        consecutiveErrorLimit == null ? DEFAULT_CONSECUTIVE_ERROR_LIMIT : consecutiveErrorLimit;
    Objects.requireNonNull(provider, "provider");
  }

  /** This metric with another {@code inconclusiveLimit}; negative means no limit. */
  public Metric withInconclusiveLimit(int limit) {
    return new Metric(
        name,
        interval,
        initialDelay,
        count,
        successCondition,
        failureCondition,
        failureLimit,
        limit,
        consecutiveErrorLimit,
        dryRun,
        provider);
  }
}
