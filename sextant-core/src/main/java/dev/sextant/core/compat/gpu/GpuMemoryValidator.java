package dev.sextant.core.compat.gpu;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.spec.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: gpuMemory}: a model fits in one GPU's memory with room to spare. Source: each GPU's
 * total memory as {@code nvidia-smi --query-gpu=memory.total} reports it
 * (https://docs.nvidia.com/deploy/nvidia-smi/), or GPU Feature Discovery's {@code
 * nvidia.com/gpu.memory} label.
 *
 * <p>Arguments: {@code footprint} (required, such as {@code 14Gi}); {@code headroom} (default 0)
 * for activations, caches and the CUDA context; {@code gpus}: {@code any} (default: the model runs
 * on one GPU, so one that fits is enough) or {@code all} (every GPU runs a replica).
 */
public final class GpuMemoryValidator implements Validator {
  @Override
  public String rule() {
    return "gpuMemory";
  }

  @Override
  public String summary() {
    return "A footprint plus headroom fits in one GPU's memory (some GPU, or every GPU)";
  }

  @Override
  public String source() {
    return "nvidia-smi --query-gpu=memory.total (https://docs.nvidia.com/deploy/nvidia-smi/); GPU Feature Discovery nvidia.com/gpu.memory";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "footprint",
            "amount of bytes",
            "what the model needs on one GPU, such as 14Gi or 15 GB"),
        Argument.optional(
            "headroom",
            "amount of bytes",
            "0",
            "room for activations, caches and the CUDA context"),
        Argument.optional(
            "gpus",
            "any or all",
            "any",
            "whether one GPU that fits is enough, or every GPU runs a replica"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{footprint: 14Gi, headroom: 4Gi}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Value.Quantity footprint = new Value.Quantity(args.bytes("footprint"), args.text("footprint"));
    Value.Quantity headroom =
        args.has("headroom")
            ? new Value.Quantity(args.bytes("headroom"), args.text("headroom"))
            : Value.Quantity.of(BigDecimal.ZERO);
    boolean all = args.choice("gpus", "any", "all", "any").equals("all");
    Value.Quantity need = Value.Quantity.of(footprint.bytes().add(headroom.bytes()));
    return fingerprint -> evaluate(footprint, headroom, need, all, fingerprint).withRequired(need);
  }

  private static Finding evaluate(
      Value.Quantity footprint,
      Value.Quantity headroom,
      Value.Quantity total,
      boolean all,
      Fingerprint fingerprint) {
    BigDecimal need = total.bytes();
    String sum =
        footprint.text() + " footprint + " + headroom.text() + " headroom = " + total.text();
    String required = sum + " on " + (all ? "every GPU" : "one GPU");
    Gpus gpus = Gpus.of(fingerprint);
    List<String> facts = new ArrayList<>(List.of(Gpus.COUNT));
    if (gpus.described().isEmpty()) {
      return Finding.notMet(
          List.of(Gpus.COUNT, "gpu[0].memory"),
          required,
          gpus.none() && gpus.count().isPresent() ? "0 GPUs" : Finding.ABSENT,
          gpus.none()
              ? gpus.noneReason()
              : "gpu.count says " + gpus.total() + " but no GPU's memory is in the fingerprint");
    }
    List<String> observed = new ArrayList<>();
    List<String> fits = new ArrayList<>();
    List<String> short_ = new ArrayList<>();
    for (Gpus.Gpu gpu : gpus.described()) {
      facts.add(gpu.key("memory"));
      if (gpu.memory().isEmpty()) {
        observed.add(gpu.name() + " " + Finding.ABSENT);
        short_.add(gpu.name() + " memory unknown");
        continue;
      }
      BigDecimal memory = gpu.memory().get();
      String has = Quantities.format(memory);
      observed.add(gpu.name() + " " + has);
      if (memory.compareTo(need) >= 0) {
        fits.add(gpu.name() + " has " + has + " ≥ " + Quantities.format(need));
      } else {
        short_.add(
            gpu.name()
                + " has "
                + has
                + " < "
                + Quantities.format(need)
                + " (short by "
                + Quantities.format(need.subtract(memory))
                + ")");
      }
    }
    boolean met = all ? short_.isEmpty() : !fits.isEmpty();
    String reason =
        met
            ? (all
                ? "every GPU fits " + sum + ": " + String.join("; ", fits)
                : String.join("; ", fits.subList(0, 1)) + ", enough for " + sum)
            : (all ? "not every GPU fits " + sum + ": " : "no GPU fits " + sum + ": ")
                + String.join("; ", short_);
    Finding finding =
        new Finding(met, facts, required, String.join(", ", observed), reason, List.of());
    return gpus.undescribed().map(finding::withCaveat).orElse(finding);
  }
}
