package dev.sextant.core.compat.gpu;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: computeCapability}: the GPUs are of at least a compute capability (8.0 is Ampere,
 * 9.0 Hopper). Source: NVIDIA's compute capability list, https://developer.nvidia.com/cuda-gpus,
 * and the CUDA C++ Programming Guide's "Compute Capabilities".
 *
 * <p>Arguments: {@code min} (required, such as {@code 8.0}); {@code gpus}: {@code all} (default) or
 * {@code any}.
 */
public final class ComputeCapabilityValidator implements Validator {
  @Override
  public String rule() {
    return "computeCapability";
  }

  @Override
  public String summary() {
    return "Every (or some) GPU has at least a compute capability";
  }

  @Override
  public String source() {
    return "NVIDIA CUDA GPUs compute capability list, https://developer.nvidia.com/cuda-gpus";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "min",
            "major.minor",
            "the lowest compute capability, such as 8.0 (Ampere) or 9.0 (Hopper)"),
        Argument.optional(
            "gpus", "all or any", "all", "whether every GPU or one GPU must reach it"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: \"8.0\", gpus: all}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    String min = args.version("min");
    if (!min.matches("[0-9]+\\.[0-9]+")) {
      throw args.invalid("min", "is \"" + min + "\"; expected major.minor such as 8.0");
    }
    boolean all = args.choice("gpus", "all", "all", "any").equals("all");
    Value required = new Value.Version(min);
    return fingerprint -> evaluate(min, all, fingerprint).withRequired(required);
  }

  private static Finding evaluate(String min, boolean all, Fingerprint fingerprint) {
    Gpus gpus = Gpus.of(fingerprint);
    String required = (all ? "every GPU" : "at least one GPU") + " of compute capability ≥ " + min;
    List<String> facts = new ArrayList<>(List.of(Gpus.COUNT));
    if (gpus.none()) {
      return Finding.notMet(
          facts, required, gpus.count().isPresent() ? "0 GPUs" : Finding.ABSENT, gpus.noneReason());
    }
    if (gpus.described().isEmpty()) {
      return Finding.notMet(
          List.of(Gpus.COUNT, "gpu[0].compute_capability"),
          required,
          Finding.ABSENT,
          "gpu.count says "
              + gpus.total()
              + " but no GPU's compute capability is in the fingerprint");
    }
    List<String> observed = new ArrayList<>();
    List<String> below = new ArrayList<>();
    List<String> meeting = new ArrayList<>();
    for (Gpus.Gpu gpu : gpus.described()) {
      facts.add(gpu.key("compute_capability"));
      String value = gpu.computeCapability().orElse(Finding.ABSENT);
      observed.add(gpu.name() + " " + value);
      if (gpu.computeCapability().isPresent() && Versions.atLeast(value, min)) {
        meeting.add(gpu.name() + " (" + value + ")");
      } else {
        below.add(
            gpu.name() + (gpu.computeCapability().isPresent() ? " has " + value : " reports none"));
      }
    }
    boolean met = all ? below.isEmpty() : !meeting.isEmpty();
    String reason;
    if (met) {
      reason =
          all
              ? "every described GPU has compute capability ≥ " + min
              : String.join(", ", meeting)
                  + (meeting.size() == 1 ? " has" : " have")
                  + " compute capability ≥ "
                  + min;
    } else {
      reason =
          (all ? "not every GPU" : "no GPU")
              + " reaches compute capability "
              + min
              + ": "
              + String.join(", ", below);
    }
    Finding finding =
        new Finding(met, facts, required, String.join(", ", observed), reason, List.of());
    return gpus.undescribed().map(finding::withCaveat).orElse(finding);
  }
}
