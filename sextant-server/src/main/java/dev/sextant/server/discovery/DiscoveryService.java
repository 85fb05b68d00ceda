package dev.sextant.server.discovery;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintDigests;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintVerifier;
import dev.sextant.core.fingerprint.Layer;
import dev.sextant.core.fingerprint.ParsedFingerprint;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.fingerprint.Verification;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import dev.sextant.server.store.Agent;
import dev.sextant.server.store.AgentConflictException;
import dev.sextant.server.store.AgentOutcome;
import dev.sextant.server.store.AgentRefused;
import dev.sextant.server.store.AgentRegistered;
import dev.sextant.server.store.AgentRegistration;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.Event;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintRecord;
import dev.sextant.server.store.FingerprintRecorded;
import dev.sextant.server.store.FingerprintRejected;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.FingerprintSummary;
import dev.sextant.server.store.LastKnownGood;
import dev.sextant.server.store.LastKnownGoodMarked;
import dev.sextant.server.store.LayerDigests;
import dev.sextant.server.store.NoSuchFingerprintException;
import dev.sextant.server.store.RequestRefused;
import dev.sextant.server.store.Transaction;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Agents, their signed reports, fingerprint revisions and the last known good one. Every report is
 * checked in full (token, agent, shape, signature, environment) before anything is stored; what is
 * stored and its event are one unit of work, and a refusal is written as an event of its own,
 * storing nothing else.
 */
public final class DiscoveryService {
  private final Database database;
  private final AgentTokens tokens;
  private final DriftWatch drift;
  private final Clock clock;

  public DiscoveryService(Database database, AgentTokens tokens, DriftWatch drift, Clock clock) {
    this.database = database;
    this.tokens = tokens;
    this.drift = drift;
    this.clock = clock;
  }

  /**
   * Registers an agent under a name for one environment; idempotent for the same key.
   *
   * @throws Refusal when the token is wrong, the environment undeclared, or the name is another's
   */
  public AgentOutcome register(
      Optional<String> token, String name, String environment, String publicKey) {
    try {
      tokens.check(token);
      requireEnvironment(environment);
      PublicKey key;
      try {
        key = SigningKeys.decodePublic(publicKey);
      } catch (IllegalArgumentException e) {
        throw invalid("publicKey", "not an Ed25519 public key: " + e.getMessage());
      }
      String keyId = SigningKeys.keyId(key);
      AgentRegistration registration;
      try {
        registration =
            new AgentRegistration(name, environment, SigningKeys.encodePublic(key), keyId);
      } catch (IllegalArgumentException e) {
        throw invalid("", e.getMessage());
      }
      try {
        return database.write(
            "register agent " + name,
            tx -> {
              AgentOutcome outcome = tx.agents().register(registration);
              tx.events().append(AgentRegistered.of(outcome));
              return outcome;
            });
      } catch (AgentConflictException e) {
        throw new Refusal(Refusal.Reason.CONFLICT, e.getMessage());
      }
    } catch (Refusal | InvalidInputException e) {
      refused(new AgentRefused(name, environment, e.getMessage()));
      throw e;
    }
  }

  /**
   * Records a fingerprint an agent signed, when its digest differs from the latest.
   *
   * @throws Refusal or InvalidInputException, after logging the refusal; nothing is stored then
   */
  public FingerprintOutcome report(Optional<String> token, String agentName, byte[] body) {
    try {
      tokens.check(token);
      Agent agent =
          database
              .read("find agent " + agentName, tx -> tx.agents().find(agentName))
              .orElseThrow(
                  () ->
                      new Refusal(
                          Refusal.Reason.NOT_FOUND,
                          "no agent named " + agentName + " is registered"));
      Fingerprint fingerprint = verified(agent, body);
      FingerprintOutcome outcome =
          database.write(
              "record a fingerprint reported by agent " + agentName,
              tx -> {
                tx.agents().touch(agentName, tx.now());
                return store(
                    tx, agent.environment(), fingerprint, "agent:" + agentName, Optional.empty());
              });
      checkDrift(agent.environment(), outcome);
      return outcome;
    } catch (Refusal | InvalidInputException e) {
      refused(new FingerprintRejected(agentName, Digest.sha256(body), e.getMessage()));
      throw e;
    }
  }

  private static Fingerprint verified(Agent agent, byte[] body) {
    ParsedFingerprint parsed = FingerprintFiles.read("<report>", body);
    if (!parsed.ok()) {
      throw new InvalidInputException(parsed.problems());
    }
    Fingerprint fingerprint = parsed.orThrow();
    Verification verification =
        FingerprintVerifier.trusting(SigningKeys.decodePublic(agent.publicKey()))
            .verify(fingerprint);
    if (!verification.isValid()) {
      throw new Refusal(Refusal.Reason.FORBIDDEN, "signature refused: " + verification.message());
    }
    if (!fingerprint.environment().equals(Optional.of(agent.environment()))) {
      throw new Refusal(
          Refusal.Reason.FORBIDDEN,
          "agent "
              + agent.name()
              + " reports for environment "
              + agent.environment()
              + ", not "
              + fingerprint.environment().orElse("(none)"));
    }
    if (fingerprint.collectedAt().isEmpty()) {
      throw new Refusal(
          Refusal.Reason.FORBIDDEN, "a report must say when it was collected (collectedAt)");
    }
    return fingerprint;
  }

  /**
   * Records a fingerprint given by an operator (a file, or this host probed by the CLI).
   *
   * @param by the operator, recorded as the event's actor
   * @throws Refusal when the environment is undeclared, after logging the refusal
   */
  public FingerprintOutcome record(
      String environment, Fingerprint fingerprint, String source, String by) {
    try {
      requireEnvironment(environment);
    } catch (Refusal e) {
      refused(
          new RequestRefused(
              Event.subject("environment", environment),
              "record-fingerprint",
              e.getMessage(),
              Optional.of(by)));
      throw e;
    }
    Fingerprint described = fingerprint.describing(environment);
    FingerprintOutcome outcome =
        database.write(
            "record a fingerprint of environment " + environment,
            tx -> store(tx, environment, described, source, Optional.of(by)));
    checkDrift(environment, outcome);
    return outcome;
  }

  private FingerprintOutcome store(
      Transaction tx,
      String environment,
      Fingerprint fingerprint,
      String source,
      Optional<String> by) {
    FingerprintDigests digests = fingerprint.digests();
    FingerprintRecord record =
        new FingerprintRecord(
            digests.whole(),
            new LayerDigests(
                digests.layer(Layer.PLATFORM),
                digests.layer(Layer.DEPENDENCIES),
                digests.layer(Layer.ARTIFACTS)),
            fingerprint.collectedAt().orElse(clock.instant()),
            source,
            fingerprint.signature().map(s -> s.keyId()),
            FingerprintFiles.tree(fingerprint));
    FingerprintOutcome outcome = tx.fingerprints().record(environment, record);
    tx.events().append(FingerprintRecorded.of(environment, source, digests.whole(), outcome, by));
    return outcome;
  }

  /**
   * A new fingerprint is compared at once, after its own unit of work has committed; a server that
   * dies in between leaves the comparison to the scheduled drift check.
   */
  private void checkDrift(String environment, FingerprintOutcome outcome) {
    if (outcome.recorded()) {
      drift.check(environment);
    }
  }

  public List<FingerprintSummary> history(String environment) {
    return database.read(
        "read the fingerprint history of environment " + environment,
        tx -> tx.fingerprints().history(environment));
  }

  public Optional<FingerprintRevision> latest(String environment) {
    return database.read(
        "read the latest fingerprint of environment " + environment,
        tx -> tx.fingerprints().latest(environment));
  }

  public Optional<FingerprintRevision> revision(String environment, long number) {
    return database.read(
        "read fingerprint revision " + number + " of environment " + environment,
        tx -> tx.fingerprints().revision(environment, number));
  }

  /**
   * Marks a revision (the latest when none is named) as the environment's last known good: the
   * baseline that later fingerprints are compared with.
   *
   * @throws Refusal when there is no such revision, after logging the refusal
   */
  public LastKnownGood accept(String environment, Optional<Long> revision, String by) {
    try {
      return markLastKnownGood(environment, revision, by);
    } catch (Refusal e) {
      refused(
          new RequestRefused(
              Event.subject("environment", environment),
              "mark-last-known-good",
              e.getMessage(),
              Optional.of(by)));
      throw e;
    }
  }

  private LastKnownGood markLastKnownGood(String environment, Optional<Long> revision, String by) {
    long number =
        revision.orElseGet(
            () ->
                latest(environment)
                    .map(FingerprintRevision::number)
                    .orElseThrow(
                        () ->
                            new Refusal(
                                Refusal.Reason.NOT_FOUND,
                                "environment " + environment + " has no fingerprint yet")));
    LastKnownGood marked;
    try {
      marked =
          database.write(
              "mark fingerprint revision " + number + " of " + environment + " last known good",
              tx -> {
                LastKnownGood good = tx.fingerprints().markLastKnownGood(environment, number, by);
                tx.events()
                    .append(
                        new LastKnownGoodMarked(
                            environment, number, good.fingerprint().digest(), by));
                return good;
              });
    } catch (NoSuchFingerprintException e) {
      throw new Refusal(Refusal.Reason.NOT_FOUND, e.getMessage());
    }
    drift.check(environment);
    return marked;
  }

  EnvironmentSpec requireEnvironment(String environment) {
    return database
        .read("read environment " + environment, tx -> Environments.spec(tx, environment))
        .orElseThrow(
            () ->
                new Refusal(
                    Refusal.Reason.NOT_FOUND,
                    "environment "
                        + environment
                        + " is not declared; apply an Environment named "
                        + environment
                        + " first"));
  }

  private void refused(Event refusal) {
    database.write("record a refusal", tx -> tx.events().append(refusal));
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(
        List.of(new Problem("<request>", Position.FILE, field, message)));
  }
}
