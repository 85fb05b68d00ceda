package dev.sextant.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /api/v1/reports/delivery} is asked: one environment or service when given, over a
 * window such as {@code 30d} or {@code 12h} (30 days when not given) that ends now.
 */
public record DeliveryReportRequest(
    Optional<String> environment, Optional<String> service, Optional<String> window) {
  public DeliveryReportRequest {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(window, "window");
  }

  /** The route's path with a query of the parameters given. */
  public String path() {
    StringBuilder path = new StringBuilder("api/v1/reports/delivery");
    append(path, "environment", environment);
    append(path, "service", service);
    append(path, "window", window);
    return path.toString();
  }

  private static void append(StringBuilder path, String name, Optional<String> value) {
    value.ifPresent(
        v ->
            path.append(path.indexOf("?") < 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
  }
}
