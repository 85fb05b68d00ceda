package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.validation.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The documents that describe the API: its OpenAPI description and the schema of each kind. */
final class MetaRoutes {
  private final JsonNode openApi = load("/dev/sextant/server/api/openapi.json");

  void register(RouteTable app) {
    app.get("/api/v1/openapi.json", Access.publicRoute(), ctx -> Responses.json(ctx, 200, openApi));
    app.get(
        "/api/v1/schemas",
        Access.publicRoute(),
        ctx -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          var items = body.putArray("items");
          for (Kind kind : Kind.values()) {
            items
                .addObject()
                .put("kind", kind.displayName())
                .put("url", "/api/v1/schemas/" + kind.displayName());
          }
          Responses.json(ctx, 200, body);
        });
    app.get(
        "/api/v1/schemas/{kind}",
        Access.publicRoute(),
        ctx -> {
          String name = ctx.pathParam("kind").replaceFirst("\\.schema\\.json$", "");
          Kind kind =
              Kind.fromUserInput(name)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "no schema for kind \"" + ResourceRoutes.clean(name) + "\""));
          Responses.json(ctx, 200, SchemaCatalog.get().document(kind));
        });
  }

  private static JsonNode load(String resource) {
    try (InputStream in = MetaRoutes.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
