package dev.sextant.core.plan;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Verification;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment as the planner sees it: its name, where its facts come from, the facts, and what
 * tier 0 must know about it.
 *
 * @param environment the Environment's name, or a name for a fingerprint file
 * @param origin where the facts come from
 * @param fingerprint the facts
 * @param digest the fingerprint's whole digest; given rather than computed here because the store
 *     already knows it, and hashing 10,000 fingerprints per plan would cost more than planning
 * @param verification the fingerprint's signature check, when keys to check it were given
 * @param blocked why the environment takes no deployments now (drift with {@code drift: block}), if
 *     it does not
 */
public record Target(
    String environment,
    Origin origin,
    Fingerprint fingerprint,
    Digest digest,
    Optional<Verification> verification,
    Optional<String> blocked) {

  public Target {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(digest, "digest");
    verification = Objects.requireNonNullElse(verification, Optional.empty());
    blocked = Objects.requireNonNullElse(blocked, Optional.empty());
  }

  /** A target with nothing for tier 0 to object to. */
  public static Target of(String environment, Origin origin, Fingerprint fingerprint) {
    return new Target(
        environment,
        origin,
        fingerprint,
        fingerprint.digests().whole(),
        Optional.empty(),
        Optional.empty());
  }

  /** Where a target's facts come from. */
  public enum Origin {
    /** A fingerprint file given on the command line. */
    FINGERPRINT_FILE,
    /** The latest fingerprint recorded for a stored Environment. */
    OBSERVED,
    /** A stored Environment with no fingerprint yet: only what its operators declared. */
    DECLARED,
    /** This host, probed now. */
    THIS_HOST;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Why an environment whose drift blocks is not deployed to, and what to do about it. */
  public static String blockedByDrift(String environment) {
    return "drift detected and its drift action is block; review it with `sextant drift "
        + environment
        + "`, then accept it with `sextant drift "
        + environment
        + " --accept`";
  }
}
