package dev.sextant.server.api;

import dev.sextant.core.access.Permission;
import java.util.Objects;

/**
 * What a route asks of its caller. Every route names one when it is registered ({@link
 * RouteTable}), so that no route is served without a rule: deny by default.
 */
sealed interface Access {
  /** Anyone: health probes, the API's description and its schemas. */
  record Public() implements Access {}

  /** An agent, with the agent token and a signed report, checked by the discovery service. */
  record AgentToken() implements Access {}

  /** Any valid API token, whatever its roles. */
  record Authenticated() implements Access {}

  /** A permission, held where the scope says. */
  record Needs(Permission permission, Scope scope) implements Access {
    public Needs {
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** Where a permission must be held. */
  enum Scope {
    /** On some environment: for what belongs to none (reading, a Release). */
    SOMEWHERE,
    /** On every environment: tokens, roles, Policies. */
    EVERYWHERE,
    /** On the environment the path names ({@code {name}}). */
    PATH_ENVIRONMENT,
    /**
     * On the environment the request names in its body or its stored subject: held somewhere before
     * the handler runs, which then checks the environment itself.
     */
    REQUEST
  }

  static Access publicRoute() {
    return new Public();
  }

  static Access agent() {
    return new AgentToken();
  }

  static Access authenticated() {
    return new Authenticated();
  }

  static Access needs(Permission permission, Scope scope) {
    return new Needs(permission, scope);
  }

  static Access somewhere(Permission permission) {
    return new Needs(permission, Scope.SOMEWHERE);
  }
}
