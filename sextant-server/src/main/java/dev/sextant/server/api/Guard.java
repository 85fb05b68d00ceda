package dev.sextant.server.api;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Permission;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.access.AccessControl;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.AccessDenied;
import dev.sextant.server.store.Revision;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each request against its route's {@link Access} before the handler runs, and records every
 * refusal as an {@code access.denied} event: who (never the token), what, from where.
 */
final class Guard {
  private static final String PRINCIPAL = "sextant.principal";

  private final AccessControl access;
  private final ResourceService resources;

  Guard(AccessControl access, ResourceService resources) {
    this.access = access;
    this.resources = resources;
  }

  /**
   * @throws AccessRefusal 401 or 403, after recording it
   */
  void check(Context ctx, RouteTable.Route route) {
    Access rule = route.access();
    if (rule instanceof Access.Authenticated) {
      authenticate(ctx);
    } else if (rule instanceof Access.Needs needs) {
      Principal principal = authenticate(ctx);
      refusing(
          ctx,
          principal.name(),
          () -> {
            switch (needs.scope()) {
              case SOMEWHERE, REQUEST -> principal.requireSomewhere(needs.permission());
              case EVERYWHERE -> principal.requireEverywhere(needs.permission());
              case PATH_ENVIRONMENT -> {
                String environment = ctx.pathParam("name");
                principal.require(needs.permission(), environment, labels(environment));
              }
            }
          });
    }
    // Public routes and the agents' (whose token the discovery service checks) pass as they are.
  }

  /** The caller the route's check proved; only for routes that need a token. */
  static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("bug: a route without a token asked for its caller");
    }
    return principal;
  }

  /**
   * For a route of scope {@link Access.Scope#REQUEST}: the caller must hold the permission in the
   * environment the request names.
   *
   * @throws AccessRefusal forbidden, after recording it
   */
  void require(Context ctx, Permission permission, String environment) {
    Principal principal = principal(ctx);
    refusing(
        ctx,
        principal.name(),
        () -> principal.require(permission, environment, labels(environment)));
  }

  /**
   * For a route of scope {@link Access.Scope#REQUEST}: a check of the handler's own, recorded when
   * it refuses.
   */
  void require(Context ctx, Runnable check) {
    refusing(ctx, principal(ctx).name(), check);
  }

  /** The labels of the environment's current revision; none when it is not declared. */
  Map<String, String> labels(String environment) {
    try {
      return resources
          .latest(new ResourceKey(Kind.ENVIRONMENT, environment))
          .map(Revision::labels)
          .orElse(Map.of());
    } catch (RuntimeException e) {
      return Map.of(); // a malformed name matches no scoped grant; the handler says what is wrong
    }
  }

  private Principal authenticate(Context ctx) {
    Principal principal;
    try {
      principal = access.authenticate(bearer(ctx));
    } catch (AccessRefusal e) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"sextant\"");
      record(ctx, "anonymous", 401, e);
      throw e;
    }
    ctx.attribute(PRINCIPAL, principal);
    return principal;
  }

  private void refusing(Context ctx, String who, Runnable check) {
    try {
      check.run();
    } catch (AccessRefusal e) {
      if (e.kind() == ProblemKind.FORBIDDEN) {
        record(ctx, who, 403, e);
      }
      throw e;
    }
  }

  private void record(Context ctx, String who, int status, AccessRefusal e) {
    access.denied(
        new AccessDenied(
            who,
            ctx.method().name(),
            ResourceRoutes.clean(ctx.path()),
            ctx.ip(),
            status,
            e.getMessage()));
  }

  /** The token of {@code Authorization: Bearer <token>}; empty without one. */
  static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).trim()).filter(t -> !t.isEmpty());
  }
}
