package dev.sextant.api;

import java.util.List;

/** {@code GET .../environments/{env}/fingerprints}: every stored revision's facts. */
public record FingerprintHistory(List<FingerprintStatus> items) {}
