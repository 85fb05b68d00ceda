package dev.sextant.server;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.validation.Input;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The environment "lab" of the store and server tests: it declares one fact, {@code cpu.arch}, so
 * that declaring another architecture than its fingerprint's makes drift.
 */
public final class Lab {
  public static final Instant COLLECTED = Instant.parse("2026-12-01T10:00:00Z");

  private Lab() {}

  /** The Environment "lab" (label {@code tier=lab}, drift action alert) declaring {@code arch}. */
  public static Input declaring(String arch) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: lab
          labels:
            tier: lab
        spec:
          description: The tests' lab, whose declared architecture changes.
          target:
            type: local
          facts:
            cpu.arch: %s
          drift: alert
        """
            .formatted(arch);
    return new Input("lab.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** A fingerprint of a host of that architecture. */
  public static Fingerprint host(String arch) {
    return Fingerprint.of(Map.of("cpu.arch", new Fact.Text(arch))).collectedAt(COLLECTED);
  }
}
