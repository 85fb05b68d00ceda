package dev.sextant.core.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Every grant an identity holds, and what they allow together. */
public record Grants(List<Grant> all) {
  public static final Grants NONE = new Grants(List.of());

  public Grants {
    all = List.copyOf(Objects.requireNonNull(all, "all"));
  }

  /** Whether some grant allows {@code permission} in an environment with these labels. */
  public boolean permits(Permission permission, Map<String, String> labels) {
    return all.stream().anyMatch(g -> g.permits(permission, labels));
  }

  /**
   * Whether some grant allows {@code permission} somewhere: enough for what belongs to no
   * environment, such as reading, or applying a Release.
   */
  public boolean permitsSomewhere(Permission permission) {
    return all.stream().anyMatch(g -> g.role().permits(permission));
  }

  /**
   * Whether a grant allows {@code permission} on every environment, including those not declared
   * yet: what managing tokens, roles and Policies takes, since each reaches every environment.
   */
  public boolean permitsEverywhere(Permission permission) {
    return all.stream()
        .anyMatch(g -> g.role().permits(permission) && g.environments().selectsEverything());
  }

  /** The roles held in an environment with these labels, e.g. for a policy's {@code role:NAME}. */
  public Set<Role> rolesIn(Map<String, String> labels) {
    Set<Role> roles = new TreeSet<>();
    for (Grant grant : all) {
      if (grant.environments().matches(labels)) {
        roles.add(grant.role());
      }
    }
    return roles;
  }
}
