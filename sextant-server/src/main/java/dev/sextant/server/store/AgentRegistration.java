package dev.sextant.server.store;

import java.util.Base64;

/**
 * An agent asking to be registered: its name, the environment it reports for, and the public key
 * its fingerprints are signed with.
 *
 * @param publicKey base64 (standard alphabet, padded) of the key's X.509 SubjectPublicKeyInfo
 *     encoding; the same key must always be sent in the same text, since registrations are compared
 *     as text
 * @param keyId the key's id, as signatures name it
 */
public record AgentRegistration(String name, String environment, String publicKey, String keyId) {
  static final int MAX_PUBLIC_KEY_LENGTH = 4096;
  static final int MAX_KEY_ID_LENGTH = 255;

  public AgentRegistration {
    Checks.name(name, "an agent name");
    Checks.name(environment, "an environment name");
    checkPublicKey(publicKey);
    Checks.text(keyId, "a key id", MAX_KEY_ID_LENGTH);
  }

  static void checkPublicKey(String publicKey) {
    Checks.text(publicKey, "a public key", MAX_PUBLIC_KEY_LENGTH);
    try {
      Base64.getDecoder().decode(publicKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a public key must be base64 text: " + e.getMessage(), e);
    }
  }
}
