package dev.sextant.bench;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The benchmark's inputs, generated from a fixed seed: one release of three variants (gpu, then
 * cpu, then a portable fallback) with 50 requirements each, and fleets of fingerprints of about 200
 * facts (platform, GPU, Python with its ~900 wheel tags, and ~150 packages), a third of them H100
 * hosts, a third T4 hosts with an older driver, a third ARM hosts without AVX2.
 */
final class Workload {
  static final int PACKAGES = 175;

  private Workload() {}

  /** The release as YAML: every rule of the built-in validators, fact operators and CEL. */
  static Resource release() {
    StringBuilder yaml =
        new StringBuilder(
            """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: bench-1-0-0
        spec:
          service: bench
          version: 1.0.0
          variants:
        """);
    variant(
        yaml,
        "gpu",
        """
                - rule: cuda
                  with: {toolkit: "12.4"}
                - rule: computeCapability
                  with: {min: "8.0", gpus: all}
                - rule: gpuMemory
                  with: {footprint: 14Gi, headroom: 4Gi}
                - rule: gpuCount
                  with: {min: 1}
                - rule: wheel
                  with: {file: torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl}
        """);
    variant(
        yaml,
        "cpu",
        """
                - rule: cpu
                  with: {arch: x86_64, flags: [avx2, fma]}
                - rule: wheel
                  with: {file: numpy-2.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl}
                - rule: memory
                  with: {min: 16Gi}
                - rule: libc
                  with: {family: glibc, min: "2.28"}
                - rule: python
                  with: {version: ">=3.10,<3.13"}
        """);
    variant(
        yaml,
        "portable",
        """
                - rule: os
                  with: {id: [debian, ubuntu, amzn, rhel]}
                - rule: kernel
                  with: {min: "5.10"}
                - rule: java
                  with: {min: "17"}
                - fact: cpu.arch
                  in: [x86_64, aarch64]
                - cel: "facts['cpu.cores'] >= 2"
        """);
    ParseReport report =
        new ResourceParser()
            .parse("bench-release.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
    if (!report.ok()) {
      throw new IllegalStateException(report.problems().toString());
    }
    return report.resources().get(0);
  }

  /** Five written requirements, then package requirements up to 50 in all. */
  private static void variant(StringBuilder yaml, String name, String requirements) {
    yaml.append("    - name: ")
        .append(name)
        .append('\n')
        .append("      artifact:\n        image: ghcr.io/acme/bench:1.0.0-")
        .append(name)
        .append("@sha256:")
        .append("0".repeat(64))
        .append('\n')
        .append("      requirements:\n")
        .append(requirements.stripTrailing())
        .append('\n');
    for (int i = 0; i < 45; i++) {
      yaml.append("        - fact: packages.lib")
          .append(i)
          .append('\n')
          .append("          min: \"1.")
          .append(i % 5)
          .append(".0\"\n");
    }
  }

  /** {@code count} targets, the same ones for the same count. */
  static List<Target> fleet(int count, List<String> x86Tags, List<String> armTags) {
    Random random = new Random(42);
    List<Target> targets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Fingerprint fingerprint = fingerprint(i % 3, random, x86Tags, armTags);
      targets.add(Target.of("host-" + i, Target.Origin.OBSERVED, fingerprint));
    }
    return targets;
  }

  private static Fingerprint fingerprint(
      int kind, Random random, List<String> x86Tags, List<String> armTags) {
    SortedMap<String, Fact> facts = new TreeMap<>();
    boolean arm = kind == 2;
    text(facts, "os.id", arm ? "amzn" : "debian");
    version(facts, "os.version", arm ? "2023" : "12");
    version(facts, "kernel.version", "6.1." + random.nextInt(120) + "-amd64");
    text(facts, "cpu.arch", arm ? "aarch64" : "x86_64");
    text(facts, "cpu.vendor", arm ? "ARM" : "GenuineIntel");
    facts.put("cpu.cores", Fact.Number.of(2 + random.nextInt(62)));
    facts.put(
        "cpu.flags",
        Fact.Set.of(
            arm
                ? List.of("fp", "asimd", "aes", "sha2", "crc32")
                : List.of("sse4_2", "avx", "avx2", "fma", "avx512f")));
    facts.put("memory.total", Quantities.bytes((8 + random.nextInt(120)) + "Gi"));
    facts.put("disk.root.total", Quantities.bytes((100 + random.nextInt(900)) + "Gi"));
    text(facts, "libc.family", "glibc");
    version(facts, "libc.version", arm ? "2.26" : "2.36");
    text(facts, "python.implementation", "cpython");
    version(facts, "python.version", "3.11." + random.nextInt(10));
    facts.put("python.tags", new Fact.Sequence(arm ? armTags : x86Tags));
    version(facts, "java.version", "17.0." + random.nextInt(15));
    if (kind != 2) {
      boolean h100 = kind == 0;
      facts.put("gpu.count", Fact.Number.of(h100 ? 8 : 1));
      version(facts, "gpu.driver.version", h100 ? "550.54.15" : "535.104.05");
      version(facts, "cuda.driver.max", h100 ? "12.4" : "12.2");
      for (int g = 0; g < (h100 ? 8 : 1); g++) {
        text(facts, "gpu[" + g + "].model", h100 ? "NVIDIA H100 80GB HBM3" : "Tesla T4");
        facts.put("gpu[" + g + "].memory", Quantities.bytes(h100 ? "81559Mi" : "15360Mi"));
        version(facts, "gpu[" + g + "].compute_capability", h100 ? "9.0" : "7.5");
      }
    }
    for (int p = 0; p < PACKAGES; p++) {
      version(facts, "packages.lib" + p, "1." + random.nextInt(6) + "." + random.nextInt(20));
    }
    return Fingerprint.of(facts);
  }

  private static void text(SortedMap<String, Fact> facts, String key, String value) {
    facts.put(key, new Fact.Text(value));
  }

  private static void version(SortedMap<String, Fact> facts, String key, String value) {
    facts.put(key, new Fact.Version(value));
  }
}
