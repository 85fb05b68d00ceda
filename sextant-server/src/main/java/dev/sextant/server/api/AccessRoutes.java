package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.InvalidSelectorException;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.spec.Durations;
import dev.sextant.server.access.AccessControl;
import dev.sextant.server.access.IssuedToken;
import dev.sextant.server.access.Principal;
import dev.sextant.server.store.StoredGrant;
import dev.sextant.server.store.StoredToken;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who am I, API tokens, and the roles granted to identities. */
final class AccessRoutes {
  private static final Pattern DAYS = Pattern.compile("([0-9]{1,5})d");
  private static final Access ADMINISTER =
      Access.needs(Permission.ADMINISTER, Access.Scope.EVERYWHERE);

  private final AccessControl access;

  AccessRoutes(AccessControl access) {
    this.access = access;
  }

  void register(RouteTable app) {
    app.get("/api/v1/whoami", Access.authenticated(), this::whoami);
    app.post("/api/v1/tokens", RouteTable.JSON, ADMINISTER, this::createToken);
    app.get("/api/v1/tokens", ADMINISTER, this::tokens);
    app.post("/api/v1/tokens/{id}/revoke", RouteTable.NO_BODY, ADMINISTER, this::revokeToken);
    app.get("/api/v1/grants", Access.somewhere(Permission.READ), this::grants);
    app.post("/api/v1/grants", RouteTable.JSON, ADMINISTER, ctx -> changeGrant(ctx, true));
    app.post("/api/v1/grants/revoke", RouteTable.JSON, ADMINISTER, ctx -> changeGrant(ctx, false));
  }

  private void whoami(Context ctx) {
    Principal principal = Guard.principal(ctx);
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("name", principal.name())
            .put("kind", principal.identity().kind().label());
    var grants = body.putArray("grants");
    for (Grant grant : principal.grants().all()) {
      grants
          .addObject()
          .put("role", grant.role().label())
          .put("environments", grant.environments().toString());
    }
    Responses.json(ctx, 200, body);
  }

  private void createToken(Context ctx) {
    JsonNode body = Bodies.object(ctx);
    String identity = name(Bodies.text(body, "identity"));
    Optional<Identity.Kind> kind =
        Bodies.optionalText(body, "kind").map(k -> parse(() -> Identity.Kind.parse(k)));
    Optional<Duration> validFor = validFor(Bodies.optionalText(body, "validFor").orElse(null));
    String description =
        Optional.ofNullable(body.get("description"))
            .filter(JsonNode::isTextual)
            .map(d -> ResourceRoutes.clean(d.asText()))
            .orElse("");
    IssuedToken issued =
        access.createToken(Guard.principal(ctx), identity, kind, validFor, description);
    Responses.json(ctx, 201, token(issued.stored(), access.now()).put("token", issued.text()));
  }

  private void tokens(Context ctx) {
    Optional<String> identity =
        Optional.ofNullable(ctx.queryParam("identity")).map(AccessRoutes::name);
    Instant now = access.now();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    access.tokens(Guard.principal(ctx), identity).forEach(t -> items.add(token(t, now)));
    Responses.json(ctx, 200, body);
  }

  private void revokeToken(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("tok-[0-9a-f]{12}")) {
      throw ApiException.invalidParameter(
          "a token id is tok- and 12 hex digits, as 'sextant token list' shows; found \""
              + ResourceRoutes.clean(id)
              + "\"");
    }
    Responses.json(ctx, 200, token(access.revokeToken(Guard.principal(ctx), id), access.now()));
  }

  private void grants(Context ctx) {
    Optional<String> identity =
        Optional.ofNullable(ctx.queryParam("identity")).map(AccessRoutes::name);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    var items = body.putArray("items");
    for (StoredGrant grant : access.grants(Guard.principal(ctx), identity)) {
      items
          .addObject()
          .put("identity", grant.identity())
          .put("role", grant.grant().role().label())
          .put("environments", grant.grant().environments().toString())
          .put("granted", grant.granted().toString())
          .put("grantedBy", grant.grantedBy());
    }
    Responses.json(ctx, 200, body);
  }

  private void changeGrant(Context ctx, boolean granting) {
    JsonNode body = Bodies.object(ctx);
    String identity = name(Bodies.text(body, "identity"));
    Role role = parse(() -> Role.parse(Bodies.text(body, "role")));
    String selector =
        Optional.ofNullable(body.get("environments")).map(JsonNode::asText).orElse("");
    LabelSelector environments;
    try {
      environments = LabelSelector.parse(selector);
    } catch (InvalidSelectorException e) {
      throw ApiException.badRequest("environments: " + e.getMessage());
    }
    Grant grant = new Grant(role, environments);
    Principal by = Guard.principal(ctx);
    boolean changed =
        granting ? access.grant(by, identity, grant) : access.revokeGrant(by, identity, grant);
    Responses.json(
        ctx,
        granting && changed ? 201 : 200,
        JsonNodeFactory.instance
            .objectNode()
            .put("identity", identity)
            .put("role", role.label())
            .put("environments", environments.toString())
            .put("changed", changed));
  }

  static ObjectNode token(StoredToken token, Instant now) {
    ObjectNode json =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", token.id())
            .put("identity", token.identity())
            .put("description", token.description())
            .put("created", token.created().toString())
            .put("createdBy", token.createdBy())
            .put(
                "status",
                token.revoked().isPresent()
                    ? "revoked"
                    : token.inForce(now) ? "active" : "expired");
    json.put("expires", token.expires().map(Instant::toString).orElse(null));
    token.revoked().ifPresent(r -> json.put("revoked", r.at().toString()).put("revokedBy", r.by()));
    return json;
  }

  /**
   * How long a new token works: {@code 90d}, a Go-style duration ({@code 720h}), or {@code never};
   * 90 days when not said.
   */
  static Optional<Duration> validFor(String text) {
    if (text == null) {
      return Optional.of(AccessControl.DEFAULT_VALIDITY);
    }
    if (text.equals("never")) {
      return Optional.empty();
    }
    Matcher days = DAYS.matcher(text);
    if (days.matches()) {
      return Optional.of(Duration.ofDays(Long.parseLong(days.group(1))));
    }
    try {
      return Optional.of(Durations.parse(text));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "validFor \""
              + ResourceRoutes.clean(text)
              + "\" is not a duration; expected e.g. 30d, 12h or never");
    }
  }

  private static String name(String text) {
    return parse(() -> Identity.requireName(text));
  }

  private static <T> T parse(java.util.function.Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
