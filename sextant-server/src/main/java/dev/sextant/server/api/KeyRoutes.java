package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.access.Permission;
import dev.sextant.server.store.StoredKey;
import dev.sextant.server.trust.TrustStore;
import io.javalin.http.Context;

/**
 * The trust store: {@code GET /api/v1/keys} lists the keys (revoked ones too), {@code POST
 * /api/v1/keys} trusts a PEM public key (201 when new, 200 when it was trusted already), {@code
 * POST /api/v1/keys/{id}/revoke} revokes one by id or unambiguous prefix. The keys decide plans in
 * every environment, so changing them asks administer everywhere and listing them read everywhere.
 */
final class KeyRoutes {
  private final TrustStore trust;

  KeyRoutes(TrustStore trust) {
    this.trust = trust;
  }

  void register(RouteTable app) {
    Access administer = Access.needs(Permission.ADMINISTER, Access.Scope.EVERYWHERE);
    app.get("/api/v1/keys", Access.needs(Permission.READ, Access.Scope.EVERYWHERE), this::list);
    app.post("/api/v1/keys", RouteTable.JSON, administer, this::trust);
    app.post("/api/v1/keys/{id}/revoke", RouteTable.NO_BODY, administer, this::revoke);
  }

  private void list(Context ctx) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    trust.keys(Guard.principal(ctx)).forEach(key -> items.add(json(key)));
    body.put("digest", trust.digest().toString());
    Responses.json(ctx, 200, body);
  }

  private void trust(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    String pem = Bodies.text(body, "publicKey");
    TrustStore.Trusted trusted =
        trust.trust(Guard.principal(ctx), pem, Bodies.optionalText(body, "name"));
    Responses.json(ctx, trusted.added() ? 201 : 200, json(trusted.key()));
  }

  private void revoke(Context ctx) {
    Responses.json(ctx, 200, json(trust.revoke(Guard.principal(ctx), ctx.pathParam("id"))));
  }

  static ObjectNode json(StoredKey key) {
    ObjectNode json =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", key.id())
            .put("name", key.name())
            .put("algorithm", key.algorithm())
            .put("publicKey", key.publicKey())
            .put("added", key.added().toString())
            .put("addedBy", key.addedBy())
            .put("state", key.active() ? "trusted" : "revoked");
    key.revoked().ifPresent(r -> json.put("revoked", r.at().toString()).put("revokedBy", r.by()));
    return json;
  }
}
