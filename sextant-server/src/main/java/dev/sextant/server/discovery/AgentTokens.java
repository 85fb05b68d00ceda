package dev.sextant.server.discovery;

import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret agents present to register and report. Only its hash is held, and the
 * comparison takes the same time whatever the input, so neither memory nor timing gives it away.
 * Without a configured token, agents are refused: every endpoint denies by default.
 */
public final class AgentTokens {
  private final Optional<byte[]> hash;

  private AgentTokens(Optional<byte[]> hash) {
    this.hash = hash;
  }

  public static AgentTokens none() {
    return new AgentTokens(Optional.empty());
  }

  public static AgentTokens of(String token) {
    if (token == null || token.isBlank()) {
      return none();
    }
    return new AgentTokens(Optional.of(hash(token)));
  }

  /**
   * @throws Refusal UNAUTHENTICATED when the token is missing or wrong, or none is configured
   */
  void check(Optional<String> presented) {
    if (hash.isEmpty()) {
      throw new Refusal(
          Refusal.Reason.UNAUTHENTICATED,
          "this server has no agent token, so agents and fingerprint records are refused: start it with SEXTANT_AGENT_TOKEN set");
    }
    if (presented.isEmpty() || !MessageDigest.isEqual(hash.get(), hash(presented.get()))) {
      throw new Refusal(
          Refusal.Reason.UNAUTHENTICATED,
          "missing or wrong agent token (send Authorization: Bearer <agent token>)");
    }
  }

  private static byte[] hash(String token) {
    return Digest.sha256(token.getBytes(StandardCharsets.UTF_8))
        .hex()
        .getBytes(StandardCharsets.US_ASCII);
  }
}
