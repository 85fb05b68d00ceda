package dev.sextant.server.secret;

import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;
import java.util.Map;

/** Resolves {@code env:NAME} from an environment given whole, the process's own in production. */
final class EnvSecrets {
  private final Map<String, String> env;

  EnvSecrets(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Secret resolve(SecretRef.Env ref) {
    String value = env.get(ref.name());
    if (value == null) {
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.MISSING,
          "the environment variable " + ref.name() + " is not set in this process");
    }
    if (value.isEmpty()) {
      // An empty secret is a variable set by mistake far more often than a real secret.
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.MISSING,
          "the environment variable " + ref.name() + " is set but empty");
    }
    return new Secret(ref, value);
  }
}
