package dev.sextant.server.secret;

import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;
import java.util.Map;

/** Every kind of reference, each resolved by its own source, from one environment. */
public final class Secrets implements SecretResolver {
  private final EnvSecrets env;
  private final FileSecrets files;
  private final VaultSecrets vault;

  /** Resolves from {@code env}: the variables themselves and Vault's address and token. */
  public Secrets(Map<String, String> env) {
    this.env = new EnvSecrets(env);
    this.files = new FileSecrets();
    this.vault = new VaultSecrets(env);
  }

  @Override
  public Secret resolve(SecretRef ref) {
    if (ref instanceof SecretRef.Env e) {
      return env.resolve(e);
    }
    if (ref instanceof SecretRef.File f) {
      return files.resolve(f);
    }
    return vault.resolve((SecretRef.Vault) ref);
  }
}
