package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.fingerprint.DriftReport;
import dev.sextant.server.store.DriftAction;
import dev.sextant.server.store.FingerprintSummary;
import java.util.Optional;

/**
 * An environment's drift as it stands: against what it declares, and since its last known good
 * fingerprint; the action its {@code spec.drift} names; whether a stored report blocks deployments.
 */
public record DriftStatus(
    String environment,
    Optional<FingerprintSummary> latest,
    Optional<FingerprintSummary> lastKnownGood,
    Optional<DriftReport> declared,
    Optional<DriftReport> sinceLastKnownGood,
    DriftAction action,
    boolean blocked) {

  public boolean drifted() {
    return declared.map(r -> !r.isEmpty()).orElse(false) || sinceLastKnownGood.map(r -> !r.isEmpty()).orElse(false);
  }

  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("environment", environment);
    out.put("drifted", drifted());
    out.put("action", action.word());
    out.put("blocked", blocked);
    latest.ifPresentOrElse(l -> out.set("latest", FingerprintJson.summary(l)), () -> out.putNull("latest"));
    lastKnownGood.ifPresentOrElse(l -> out.set("lastKnownGood", FingerprintJson.summary(l)), () -> out.putNull("lastKnownGood"));
    declared.ifPresentOrElse(r -> out.set("declared", r.toJson()), () -> out.putNull("declared"));
    sinceLastKnownGood.ifPresentOrElse(r -> out.set("sinceLastKnownGood", r.toJson()), () -> out.putNull("sinceLastKnownGood"));
    return out;
  }
}
