package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.sextant.server.store.AgentConflictException;
import dev.sextant.server.store.AgentOutcome;
import dev.sextant.server.store.AgentRegistration;
import dev.sextant.server.store.Event;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintRecord;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.FingerprintSummary;
import dev.sextant.server.store.LastKnownGood;
import dev.sextant.server.store.LayerDigests;
import dev.sextant.server.store.NoSuchFingerprintException;
import dev.sextant.server.store.ServerStores;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agents, their signed reports, fingerprint revisions and the last known good one. Every report
 * is checked in full (token, agent, shape, signature, environment) before anything is stored, and
 * every outcome, accepted or refused, is written to the event log for the ledger.
 */
public final class DiscoveryService {
  private final ServerStores stores;
  private final AgentTokens tokens;
  private final DriftWatch drift;
  private final Clock clock;

  public DiscoveryService(ServerStores stores, AgentTokens tokens, DriftWatch drift, Clock clock) {
    this.stores = stores;
    this.tokens = tokens;
    this.drift = drift;
    this.clock = clock;
  }

  /**
   * Registers an agent under a name for one environment; idempotent for the same key.
   *
   * @throws Refusal when the token is wrong, the environment undeclared, or the name is another's
   */
  public AgentOutcome register(Optional<String> token, String name, String environment, String publicKey) {
    String subject = "agent/" + name;
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
      AgentOutcome outcome;
      try {
        outcome = stores.agents().register(new AgentRegistration(name, environment, SigningKeys.encodePublic(key), keyId));
      } catch (IllegalArgumentException e) {
        throw invalid("", e.getMessage());
      } catch (AgentConflictException e) {
        throw new Refusal(Refusal.Reason.CONFLICT, e.getMessage());
      }
      log("agent.registered", subject, outcome.change().word(), Optional.empty(), Map.of(), detail().put("environment", environment).put("keyId", keyId));
      return outcome;
    } catch (Refusal | InvalidInputException e) {
      log("agent.refused", subject, "refused", Optional.of(e.getMessage()), Map.of(), detail().put("environment", environment));
      throw e;
    }
  }

  /**
   * Records a fingerprint an agent signed, when its digest differs from the latest.
   *
   * @throws Refusal or InvalidInputException, after logging the refusal; nothing is stored then
   */
  public FingerprintOutcome report(Optional<String> token, String agentName, byte[] body) {
    String subject = "agent/" + agentName;
    Map<String, Digest> inputs = Map.of("report", Digest.sha256(body));
    try {
      tokens.check(token);
      var agent = stores.agents().find(agentName).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "no agent named " + agentName + " is registered"));
      ParsedFingerprint parsed = FingerprintFiles.read("<report>", body);
      if (!parsed.ok()) {
        throw new InvalidInputException(parsed.problems());
      }
      Fingerprint fingerprint = parsed.orThrow();
      Verification verification = FingerprintVerifier.trusting(SigningKeys.decodePublic(agent.publicKey())).verify(fingerprint);
      if (!verification.isValid()) {
        throw new Refusal(Refusal.Reason.FORBIDDEN, "signature refused: " + verification.message());
      }
      if (!fingerprint.environment().equals(Optional.of(agent.environment()))) {
        throw new Refusal(Refusal.Reason.FORBIDDEN, "agent " + agentName + " reports for environment " + agent.environment() + ", not " + fingerprint.environment().orElse("(none)"));
      }
      if (fingerprint.collectedAt().isEmpty()) {
        throw new Refusal(Refusal.Reason.FORBIDDEN, "a report must say when it was collected (collectedAt)");
      }
      stores.agents().touch(agentName, clock.instant());
      return store(agent.environment(), fingerprint, "agent:" + agentName, subject);
    } catch (Refusal | InvalidInputException e) {
      log("fingerprint.rejected", subject, "refused", Optional.of(e.getMessage()), inputs, detail());
      throw e;
    }
  }

  /** Records a fingerprint given by an operator (a file, or this host probed by the CLI). */
  public FingerprintOutcome record(String environment, Fingerprint fingerprint, String source) {
    requireEnvironment(environment);
    return store(environment, fingerprint.describing(environment), source, "environment/" + environment);
  }

  private FingerprintOutcome store(String environment, Fingerprint fingerprint, String source, String subject) {
    FingerprintDigests digests = fingerprint.digests();
    FingerprintRecord record =
        new FingerprintRecord(
            digests.whole(),
            new LayerDigests(digests.layer(Layer.PLATFORM), digests.layer(Layer.DEPENDENCIES), digests.layer(Layer.ARTIFACTS)),
            fingerprint.collectedAt().orElse(clock.instant()),
            source,
            fingerprint.signature().map(s -> s.keyId()),
            FingerprintFiles.tree(fingerprint));
    FingerprintOutcome outcome = stores.fingerprints().record(environment, record);
    log("fingerprint.recorded", subject, outcome.change().word(), Optional.empty(), Map.of("fingerprint", digests.whole()), detail().put("environment", environment).put("revision", outcome.revision().number()).put("source", source));
    if (outcome.recorded()) {
      drift.check(environment);
    }
    return outcome;
  }

  public List<FingerprintSummary> history(String environment) {
    return stores.fingerprints().history(environment);
  }

  public Optional<FingerprintRevision> latest(String environment) {
    return stores.fingerprints().latest(environment);
  }

  public Optional<FingerprintRevision> revision(String environment, long number) {
    return stores.fingerprints().revision(environment, number);
  }

  /**
   * Marks a revision (the latest when none is named) as the environment's last known good: the
   * baseline that later fingerprints are compared with.
   */
  public LastKnownGood accept(String environment, Optional<Long> revision, String by) {
    long number = revision.orElseGet(() -> latest(environment).map(FingerprintRevision::number).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "environment " + environment + " has no fingerprint yet")));
    try {
      LastKnownGood marked = stores.fingerprints().markLastKnownGood(environment, number, by);
      log("fingerprint.accepted", "environment/" + environment, "marked", Optional.empty(), Map.of("fingerprint", marked.fingerprint().digest()), detail().put("revision", number).put("by", by));
      drift.check(environment);
      return marked;
    } catch (NoSuchFingerprintException e) {
      throw new Refusal(Refusal.Reason.NOT_FOUND, e.getMessage());
    }
  }

  EnvironmentSpec requireEnvironment(String environment) {
    return Environments.spec(stores.resources(), environment)
        .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "environment " + environment + " is not declared; apply an Environment named " + environment + " first"));
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(List.of(new Problem("<request>", Position.FILE, field, message)));
  }

  private void log(String type, String subject, String outcome, Optional<String> reason, Map<String, Digest> inputs, ObjectNode detail) {
    stores.events().append(new Event(type, subject, outcome, reason.map(DiscoveryService::oneLine), new TreeMap<>(inputs), detail));
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 500 ? line : line.substring(0, 500) + "…";
  }

  private static ObjectNode detail() {
    return JsonNodeFactory.instance.objectNode();
  }
}
