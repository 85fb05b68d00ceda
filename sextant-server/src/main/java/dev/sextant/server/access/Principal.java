package dev.sextant.server.access;

import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Grants;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Who is asking, proven by a token (or by holding the store, in the CLI's own process). */
public record Principal(Identity identity, Grants grants) {
  public Principal {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(grants, "grants");
  }

  /**
   * The user of a CLI that opened the store in its own process: whoever can open the store can
   * change anything in it, so it holds every role everywhere.
   */
  public static Principal local(String user) {
    return new Principal(
        new Identity(user, Identity.Kind.USER),
        new Grants(List.of(new Grant(Role.ADMIN, LabelSelector.EVERYTHING))));
  }

  public String name() {
    return identity.name();
  }

  /**
   * @throws AccessRefusal forbidden, saying what the caller holds and what it takes
   */
  public void require(Permission permission, String environment, Map<String, String> labels) {
    if (!grants.permits(permission, labels)) {
      throw AccessRefusal.forbidden(
          name()
              + " ("
              + held()
              + ") may not "
              + permission.label()
              + " in environment "
              + environment
              + labelText(labels)
              + "; it takes a role with "
              + permission.label()
              + " on a selector that matches it");
    }
  }

  /**
   * @throws AccessRefusal forbidden unless some grant allows the permission somewhere
   */
  public void requireSomewhere(Permission permission) {
    if (!grants.permitsSomewhere(permission)) {
      throw AccessRefusal.forbidden(
          name() + " (" + held() + ") may not " + permission.label() + " anywhere");
    }
  }

  /**
   * @throws AccessRefusal forbidden unless a grant allows the permission on every environment
   */
  public void requireEverywhere(Permission permission) {
    if (!grants.permitsEverywhere(permission)) {
      throw AccessRefusal.forbidden(
          name()
              + " ("
              + held()
              + ") may not "
              + permission.label()
              + " here: it takes a role with "
              + permission.label()
              + " on every environment");
    }
  }

  /** The roles held, as {@code deployer on tier=staging; viewer on every environment}. */
  public String held() {
    if (grants.all().isEmpty()) {
      return "no role";
    }
    return grants.all().stream().map(Grant::toString).collect(Collectors.joining("; "));
  }

  private static String labelText(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return " (no labels)";
    }
    return " ("
        + new java.util.TreeMap<>(labels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","))
        + ")";
  }
}
