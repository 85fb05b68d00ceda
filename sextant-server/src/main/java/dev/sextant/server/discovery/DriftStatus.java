package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiJson;
import dev.sextant.api.EnvironmentDrift;
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
    return declared.map(r -> !r.isEmpty()).orElse(false)
        || sinceLastKnownGood.map(r -> !r.isEmpty()).orElse(false);
  }

  public ObjectNode toJson() {
    return ApiJson.mapper().valueToTree(toRecord());
  }

  /** The drift as the API's record; what is absent is {@code null} on the wire. */
  public EnvironmentDrift toRecord() {
    return new EnvironmentDrift(
        environment,
        drifted(),
        action.word(),
        blocked,
        latest.map(FingerprintJson::status),
        lastKnownGood.map(FingerprintJson::status),
        declared.<JsonNode>map(DriftReport::toJson).orElse(NullNode.getInstance()),
        sinceLastKnownGood.<JsonNode>map(DriftReport::toJson).orElse(NullNode.getInstance()));
  }
}
