package dev.sextant.core.access;

import dev.sextant.core.validation.DidYouMean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The four roles a grant gives, each a fixed set of permissions. An approver cannot deploy and a
 * deployer cannot approve, so that one person holding one role never both asks and allows.
 */
public enum Role {
  VIEWER(EnumSet.of(Permission.READ)),
  DEPLOYER(EnumSet.of(Permission.READ, Permission.APPLY, Permission.RECORD, Permission.DEPLOY)),
  APPROVER(EnumSet.of(Permission.READ, Permission.APPROVE)),
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean permits(Permission permission) {
    return permissions.contains(permission);
  }

  public Set<Permission> permissions() {
    return EnumSet.copyOf(permissions);
  }

  /** The role as the API and the CLI write it, e.g. {@code approver}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every role's label, in order of rising rights. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Role::label).toList();
  }

  /**
   * @throws IllegalArgumentException naming the roles there are, with the nearest to a misspelling
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.label().equals(text)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role \""
            + text
            + "\"; expected one of "
            + String.join(", ", labels())
            + DidYouMean.hint(text, labels()));
  }
}
