package dev.sextant.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.core.access.Permission;
import dev.sextant.server.metrics.ServerMetrics;
import dev.sextant.server.service.ResourceService;

/**
 * {@code /healthz} says the process serves, {@code /readyz} that its store answers too; {@code
 * /metrics}.
 */
final class HealthRoutes {
  private final ResourceService service;
  private final ServerMetrics metrics;

  HealthRoutes(ResourceService service, ServerMetrics metrics) {
    this.service = service;
    this.metrics = metrics;
  }

  void register(RouteTable app) {
    app.get(
        "/healthz",
        Access.publicRoute(),
        ctx -> Responses.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ok")));
    app.get(
        "/metrics",
        Access.somewhere(Permission.READ),
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.get(
        "/readyz",
        Access.publicRoute(),
        ctx -> {
          service.ping();
          Responses.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ready"));
        });
  }
}
