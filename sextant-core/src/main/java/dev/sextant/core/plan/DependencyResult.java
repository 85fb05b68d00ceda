package dev.sextant.core.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A release's need for another service's API, as the plan resolves it.
 *
 * @param service the provider service
 * @param range the API range required, as written
 * @param provider the release of that service the consumer would run against, if any
 * @param providerApi the API version that release provides, if any
 * @param satisfied whether the provider's API lies in the range
 */
public record DependencyResult(
    String service,
    String range,
    Optional<String> provider,
    Optional<String> providerApi,
    boolean satisfied) {
  public DependencyResult {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(range, "range");
    provider = Objects.requireNonNullElse(provider, Optional.empty());
    providerApi = Objects.requireNonNullElse(providerApi, Optional.empty());
  }
}
