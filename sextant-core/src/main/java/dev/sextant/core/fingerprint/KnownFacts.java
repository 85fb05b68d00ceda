package dev.sextant.core.fingerprint;

import dev.sextant.core.validation.DidYouMean;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fact keys that probes, label mappings and validators know (DESIGN §3). A key outside them is
 * allowed, since environments may declare facts of their own, but a misspelt one ({@code
 * gpu.driver.verison}) would silently mean "absent": it earns a warning that names the nearest
 * known key.
 */
public final class KnownFacts {
  private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

  /** Exact keys; {@code [i]} stands for any GPU index. */
  private static final List<String> KEYS =
      List.of(
          "hostname",
          "os.id",
          "os.name",
          "os.version",
          "os.arch",
          "os.image",
          "kernel.version",
          "cpu.arch",
          "cpu.vendor",
          "cpu.model",
          "cpu.cores",
          "cpu.threads",
          "cpu.sockets",
          "cpu.flags",
          "memory.total",
          "memory.available",
          "libc.family",
          "libc.version",
          "python.implementation",
          "python.version",
          "python.abi",
          "python.tags",
          "java.version",
          "java.vendor",
          "gpu.count",
          "gpu.driver.version",
          "gpu.mig.mode",
          "gpu.present",
          "gpu.family",
          "gpu.product",
          "gpu.replicas",
          "gpu.sharing",
          "gpu[i].model",
          "gpu[i].memory",
          "gpu[i].compute_capability",
          "gpu[i].mig.mode",
          "gpu[i].name",
          "gpu[i].mig.profile",
          "mig.capable",
          "mig.config",
          "mig.strategy",
          "cuda.driver.max",
          "cuda.runtime.max",
          "container.runtime",
          "container.runtime.version",
          "kubelet.version");

  /** Families whose members are named by what they hold: a package, a disk, a reachable service. */
  private static final List<String> PREFIXES =
      List.of("packages.", "network.reach.", "disk.", "mig[");

  private KnownFacts() {}

  /** Whether probes, label mappings or validators know this key. */
  public static boolean isKnown(String key) {
    return KEYS.contains(shape(key)) || PREFIXES.stream().anyMatch(key::startsWith);
  }

  /**
   * A warning for a key nobody knows, with the nearest known key (at the same GPU index); empty for
   * a known key.
   */
  public static Optional<String> unknown(String key) {
    if (isKnown(key)) {
      return Optional.empty();
    }
    Matcher index = INDEX.matcher(key);
    String at = index.find() ? "[" + index.group(1) + "]" : "[0]";
    List<String> candidates = KEYS.stream().map(k -> k.replace("[i]", at)).toList();
    return Optional.of(
        "fact "
            + key
            + " is known to no probe, label mapping or validator (a misspelt key reads as absent)"
            + DidYouMean.hint(key, candidates));
  }

  private static String shape(String key) {
    return INDEX.matcher(key).replaceAll("[i]");
  }
}
