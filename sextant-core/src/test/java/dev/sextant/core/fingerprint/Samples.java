package dev.sextant.core.fingerprint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Facts of a GPU host with something in every layer, as probes would report them. */
final class Samples {
  static final Instant COLLECTED = Instant.parse("2024-05-01T12:00:00Z");

  private Samples() {}

  static Map<String, Fact> facts() {
    Map<String, Fact> facts = new LinkedHashMap<>();
    facts.put("os.id", new Fact.Text("debian"));
    facts.put("os.version", new Fact.Version("12"));
    facts.put("kernel.version", new Fact.Version("6.1.0-18-amd64"));
    facts.put("cpu.arch", new Fact.Text("x86_64"));
    facts.put("cpu.flags", Fact.Set.of(List.of("sse4_2", "avx2", "avx512f")));
    facts.put("cpu.cores", Fact.Number.of(16));
    facts.put("memory.total", Fact.Quantity.bytes(25769803776L));
    facts.put("gpu.count", Fact.Number.of(1));
    facts.put("gpu[0].model", new Fact.Text("NVIDIA H100 80GB HBM3"));
    facts.put("gpu[0].memory", new Fact.Quantity(new BigDecimal("85520809984"), "bytes"));
    facts.put("gpu[0].compute_capability", new Fact.Version("9.0"));
    facts.put("gpu.driver.version", new Fact.Version("550.54.15"));
    facts.put("cuda.driver.max", new Fact.Version("12.4"));
    facts.put("network.reach.postgres", new Fact.Flag(true));
    facts.put("libc.family", new Fact.Text("glibc"));
    facts.put("libc.version", new Fact.Version("2.36"));
    facts.put("python.version", new Fact.Version("3.11.2"));
    facts.put(
        "python.tags",
        new Fact.Sequence(
            List.of(
                "cp311-cp311-manylinux_2_36_x86_64",
                "cp311-abi3-manylinux2014_x86_64",
                "py30-none-any")));
    facts.put("packages.libcudnn8", new Fact.Version("8.9.7.29-1+cuda12.2"));
    facts.put("artifacts.fraud-detector", new Fact.Text("sha256:4f1c"));
    return facts;
  }

  static Fingerprint fingerprint() {
    return Fingerprint.of(facts()).collectedAt(COLLECTED).describing("gpu-node-7");
  }
}
