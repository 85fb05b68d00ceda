package dev.sextant.server.secret;

import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;

/** Reads the secret a reference names, at the moment it is needed and not before. */
public interface SecretResolver {
  /**
   * The secret {@code ref} names.
   *
   * @throws UnresolvedSecretException naming the reference and why, never a value
   */
  Secret resolve(SecretRef ref);
}
