package dev.sextant.core.compat.gpu;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: gpuCount}: the host has at least {@code min} GPUs. Source: the GPUs {@code
 * nvidia-smi --query-gpu} lists (https://docs.nvidia.com/deploy/nvidia-smi/), or GPU Feature
 * Discovery's {@code nvidia.com/gpu.count} label on Kubernetes.
 *
 * <p>Arguments: {@code min} (required, a whole number ≥ 0).
 */
public final class GpuCountValidator implements Validator {
  @Override
  public String rule() {
    return "gpuCount";
  }

  @Override
  public String summary() {
    return "The host has at least a number of GPUs";
  }

  @Override
  public String source() {
    return "nvidia-smi --query-gpu (https://docs.nvidia.com/deploy/nvidia-smi/); GPU Feature Discovery nvidia.com/gpu.count";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required("min", "whole number ≥ 0", "the fewest GPUs the host may have"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: 2}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    int min =
        args.count("min", 0)
            .orElseThrow(
                () -> args.invalid("min", "is missing; expected a whole number such as 2"));
    return fingerprint -> evaluate(min, fingerprint);
  }

  private static Finding evaluate(int min, Fingerprint fingerprint) {
    Gpus gpus = Gpus.of(fingerprint);
    String required = "at least " + min + (min == 1 ? " GPU" : " GPUs");
    List<String> facts = List.of(Gpus.COUNT);
    if (gpus.count().isEmpty() && gpus.described().isEmpty()) {
      return (min == 0
              ? Finding.met(facts, required, Finding.ABSENT, "no GPUs are required")
              : Finding.notMet(
                  facts,
                  required,
                  Finding.ABSENT,
                  "the fingerprint describes no GPU (neither gpu.count nor any gpu[i] fact)"))
          .withRequired(new Value.Count(min));
    }
    int total = gpus.total();
    String observed =
        total
            + (total == 1 ? " GPU" : " GPUs")
            + (gpus.count().isEmpty() ? " described (gpu.count absent)" : "");
    boolean met = total >= min;
    return new Finding(
            met,
            facts,
            required,
            observed,
            "the host has " + total + (met ? ", at least " : ", fewer than ") + min,
            List.of())
        .withRequired(new Value.Count(min))
        .withObserved(new Value.Count(total));
  }
}
