package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NVIDIA GPUs through {@code nvidia-smi}: how many, and for each its model, memory, compute
 * capability and MIG mode; the driver version; and from the plain table's header the highest CUDA
 * version the driver supports ({@code cuda.driver.max}).
 *
 * <p>A host without {@code nvidia-smi} has no GPU facts and only a note: that is the normal case of
 * a CPU host. A host whose {@code nvidia-smi} exists but fails (driver not loaded, no devices,
 * timeout) gets a warning, since a GPU was expected there. A driver whose {@code nvidia-smi}
 * rejects a field (old drivers lack {@code compute_cap}) is asked again without it, and the
 * capability is then taken from the model name where {@link ComputeCapabilities} knows it.
 */
public final class GpuProbe implements Probe {
  static final Duration TIMEOUT = Duration.ofSeconds(4);
  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

  @Override
  public String name() {
    return "gpu";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    List<String> fields = new ArrayList<>(NvidiaSmi.FIELDS);
    CommandResult query = context.run(TIMEOUT, NvidiaSmi.queryCommand(fields));
    while (query.status() == CommandResult.Status.EXITED && !query.succeeded()) {
      Optional<String> invalid = NvidiaSmi.invalidField(query.output());
      if (invalid.isEmpty()
          || !fields.contains(invalid.get())
          || invalid.get().equals(NvidiaSmi.INDEX)
          || invalid.get().equals(NvidiaSmi.NAME)) {
        break;
      }
      fields.remove(invalid.get());
      out.note(
          "this driver's nvidia-smi has no field " + invalid.get() + "; asked again without it");
      query = context.run(TIMEOUT, NvidiaSmi.queryCommand(fields));
    }
    if (query.status() == CommandResult.Status.NOT_FOUND) {
      return out.note("nvidia-smi not found: no NVIDIA GPU facts").build();
    }
    if (!query.succeeded()) {
      String why =
          NvidiaSmi.noDevices(query.output())
              ? "found no devices"
              : "failed (" + query.describe() + ")";
      return out.warning("nvidia-smi " + why + "; no GPU facts").build();
    }
    NvidiaSmi.Rows rows = NvidiaSmi.parseRows(query.stdout(), fields);
    rows.problems().forEach(out::warning);
    if (rows.gpus().isEmpty()) {
      return out.warning("nvidia-smi listed no GPUs; no GPU facts").build();
    }
    out.fact("gpu.count", Fact.Number.of(rows.gpus().size()));
    for (int i = 0; i < rows.gpus().size(); i++) {
      gpu(rows.gpus().get(i), i, fields.contains(NvidiaSmi.COMPUTE_CAP), out);
    }
    rows.gpus().stream()
        .map(r -> r.get(NvidiaSmi.DRIVER))
        .filter(d -> d != null)
        .findFirst()
        .ifPresent(v -> out.fact("gpu.driver.version", new Fact.Version(v)));
    cudaDriverMax(context, out);
    return out.build();
  }

  private static void gpu(
      Map<String, String> row, int position, boolean askedCapability, ProbeResult.Builder out) {
    String prefix = "gpu[" + index(row, position) + "].";
    String name = row.get(NvidiaSmi.NAME);
    if (name != null) {
      out.fact(prefix + "model", new Fact.Text(name));
    }
    Optional.ofNullable(row.get(NvidiaSmi.MEMORY))
        .flatMap(GpuProbe::decimal)
        .ifPresent(
            mib -> out.fact(prefix + "memory", new Fact.Quantity(mib.multiply(MIB), "bytes")));
    Optional<String> capability = Optional.ofNullable(row.get(NvidiaSmi.COMPUTE_CAP));
    if (capability.isEmpty() && name != null) {
      capability = ComputeCapabilities.of(name);
      if (capability.isEmpty()) {
        out.warning(
            prefix
                + "compute_capability unknown: "
                + (askedCapability
                    ? "nvidia-smi gave none"
                    : "this driver's nvidia-smi cannot tell it")
                + " and "
                + name
                + " is not in the table of known models");
      }
    }
    capability.ifPresent(c -> out.fact(prefix + "compute_capability", new Fact.Version(c)));
    Optional.ofNullable(row.get(NvidiaSmi.MIG_MODE))
        .ifPresent(m -> out.fact(prefix + "mig.mode", new Fact.Text(m.toLowerCase(Locale.ROOT))));
  }

  /** nvidia-smi's own index, which is what CUDA_VISIBLE_DEVICES and placements refer to. */
  private static String index(Map<String, String> row, int position) {
    String index = row.get(NvidiaSmi.INDEX);
    return index != null && index.matches("[0-9]+") ? index : Integer.toString(position);
  }

  private static void cudaDriverMax(ProbeContext context, ProbeResult.Builder out) {
    CommandResult table = context.run(TIMEOUT, "nvidia-smi");
    Optional<String> cuda =
        table.succeeded() ? NvidiaSmi.cudaVersion(table.stdout()) : Optional.empty();
    if (cuda.isPresent()) {
      out.fact("cuda.driver.max", new Fact.Version(cuda.get()));
    } else {
      out.warning(
          "cuda.driver.max unknown: "
              + (table.succeeded()
                  ? "no CUDA Version in the nvidia-smi header"
                  : "nvidia-smi " + table.describe()));
    }
    if (!out.has("gpu.driver.version") && table.succeeded()) {
      NvidiaSmi.driverVersion(table.stdout())
          .ifPresent(v -> out.fact("gpu.driver.version", new Fact.Version(v)));
    }
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
