package dev.sextant.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.server.service.ResourceService;
import io.javalin.Javalin;

/** {@code /healthz} says the process serves; {@code /readyz} that its store answers too. */
final class HealthRoutes {
  private final ResourceService service;

  HealthRoutes(ResourceService service) {
    this.service = service;
  }

  void register(Javalin app) {
    app.get("/healthz", ctx -> Responses.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ok")));
    app.get("/readyz", ctx -> {
      service.ping();
      Responses.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ready"));
    });
  }
}
