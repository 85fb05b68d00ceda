package dev.sextant.agent.probe;

import java.util.Map;
import java.util.Optional;

/**
 * CUDA compute capability by GPU model, for drivers whose {@code nvidia-smi} predates the {@code
 * compute_cap} field (before R510). Data-center models only: they are what such old drivers still
 * run on. The model is matched by a whole word of its name, so {@code A10} never matches {@code
 * NVIDIA A100-SXM4-80GB}.
 */
final class ComputeCapabilities {
  private ComputeCapabilities() {}

  private static final Map<String, String> BY_MODEL =
      Map.ofEntries(
          Map.entry("K80", "3.7"),
          Map.entry("K40m", "3.5"),
          Map.entry("M40", "5.2"),
          Map.entry("M60", "5.2"),
          Map.entry("P4", "6.1"),
          Map.entry("P40", "6.1"),
          Map.entry("P100", "6.0"),
          Map.entry("V100", "7.0"),
          Map.entry("V100S", "7.0"),
          Map.entry("T4", "7.5"),
          Map.entry("A100", "8.0"),
          Map.entry("A800", "8.0"),
          Map.entry("A30", "8.0"),
          Map.entry("A10", "8.6"),
          Map.entry("A10G", "8.6"),
          Map.entry("A16", "8.6"),
          Map.entry("A40", "8.6"),
          Map.entry("L4", "8.9"),
          Map.entry("L40", "8.9"),
          Map.entry("L40S", "8.9"),
          Map.entry("H100", "9.0"),
          Map.entry("H800", "9.0"),
          Map.entry("H200", "9.0"),
          Map.entry("GH200", "9.0"));

  /** The capability for a name such as {@code Tesla V100-SXM2-16GB}, if its model is known. */
  static Optional<String> of(String gpuName) {
    for (String word : gpuName.split("[\\s\\-_/]+")) {
      String capability = BY_MODEL.get(word);
      if (capability != null) {
        return Optional.of(capability);
      }
    }
    return Optional.empty();
  }
}
