package dev.sextant.api;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/reports/delivery}: DORA's figures of each service in each
 * environment where a rollout finished in the window, sorted by environment, then service.
 *
 * @param since the window's start (exclusive), ISO-8601
 * @param until the window's end (inclusive), ISO-8601
 */
public record DeliveryReport(String since, String until, List<ServiceDelivery> items) {
  public DeliveryReport {
    items = List.copyOf(items);
  }
}
