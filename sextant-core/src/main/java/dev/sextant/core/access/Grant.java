package dev.sextant.core.access;

import dev.sextant.core.resource.LabelSelector;
import java.util.Map;
import java.util.Objects;

/**
 * A role held on the environments whose labels a selector matches: {@code deployer} on {@code
 * tier=staging} deploys to staging and nowhere else. The empty selector is every environment.
 */
public record Grant(Role role, LabelSelector environments) {
  public Grant {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(environments, "environments");
  }

  /** Whether this grant allows {@code permission} in an environment with these labels. */
  public boolean permits(Permission permission, Map<String, String> labels) {
    return role.permits(permission) && environments.matches(labels);
  }

  /** The grant as {@code sextant role list} shows it, e.g. {@code deployer on tier=staging}. */
  @Override
  public String toString() {
    return role.label()
        + " on "
        + (environments.selectsEverything() ? "every environment" : environments.toString());
  }
}
