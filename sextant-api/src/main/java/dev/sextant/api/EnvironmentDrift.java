package dev.sextant.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * {@code GET .../environments/{env}/drift}: whether the environment drifted, the action its {@code
 * spec.drift} names, whether a stored report blocks deployments; the latest and last known good
 * fingerprints ({@code null} when there is none); the drift reports against what it declares and
 * since its last known good (each {@code null} when there is nothing to compare).
 */
public record EnvironmentDrift(
    String environment,
    boolean drifted,
    String action,
    boolean blocked,
    Optional<FingerprintStatus> latest,
    Optional<FingerprintStatus> lastKnownGood,
    JsonNode declared,
    JsonNode sinceLastKnownGood) {}
