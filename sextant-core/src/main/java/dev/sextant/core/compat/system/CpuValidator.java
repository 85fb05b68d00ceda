package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code rule: cpu}: the CPU architecture is one of those given and the CPU has every instruction
 * set extension named. Source: the kernel's CPU feature flags as {@code /proc/cpuinfo} lists them
 * (https://www.kernel.org/doc/html/latest/arch/x86/cpuinfo.html) and {@code uname -m} machine
 * names.
 *
 * <p>Arguments: {@code arch} (one or a list; {@code amd64} means {@code x86_64}, {@code arm64}
 * means {@code aarch64}); {@code flags} (a list, all required, such as {@code [avx2, fma]}). At
 * least one is needed.
 */
public final class CpuValidator implements Validator {
  static final String ARCH = "cpu.arch";
  static final String FLAGS = "cpu.flags";

  @Override
  public String rule() {
    return "cpu";
  }

  @Override
  public String summary() {
    return "The CPU architecture is one of a list and the CPU has every named instruction set flag";
  }

  @Override
  public String source() {
    return "Linux /proc/cpuinfo flags (https://www.kernel.org/doc/html/latest/arch/x86/cpuinfo.html); uname -m";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.optional(
            "arch",
            "text or list of texts",
            "the machine names accepted, such as x86_64 or [x86_64, aarch64]; amd64 and arm64 are aliases (arch, flags or both)"),
        Argument.optional(
            "flags",
            "text or list of texts",
            "the CPU flags all required, such as [avx2, fma] (arch, flags or both)"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{arch: x86_64, flags: [avx2, fma]}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Set<String> arches = new LinkedHashSet<>();
    args.texts("arch").forEach(a -> arches.add(normalise(a)));
    List<String> flags =
        args.texts("flags").stream().map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
    if (arches.isEmpty() && flags.isEmpty()) {
      throw args.invalid("arch", "is missing, and so is flags; rule cpu needs arch, flags or both");
    }
    return fingerprint -> evaluate(List.copyOf(arches), flags, fingerprint);
  }

  /** {@code uname -m} names, as the agent's probe writes {@code cpu.arch}. */
  static String normalise(String arch) {
    String name = arch.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "amd64", "x86_64", "x64", "x86-64" -> "x86_64";
      case "arm64", "aarch64" -> "aarch64";
      default -> name;
    };
  }

  private static Finding evaluate(
      List<String> arches, List<String> flags, Fingerprint fingerprint) {
    List<String> facts = new ArrayList<>();
    List<String> required = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!arches.isEmpty()) {
      facts.add(ARCH);
      required.add("architecture " + String.join(" or ", arches));
      Optional<String> arch = fingerprint.fact(ARCH).map(f -> normalise(f.display()));
      observed.add(arch.map(a -> "architecture " + a).orElse("architecture " + Finding.ABSENT));
      if (arch.isEmpty()) {
        problems.add("the architecture is unknown (no cpu.arch)");
      } else if (!arches.contains(arch.get())) {
        problems.add("the architecture is " + arch.get() + ", not " + String.join(" or ", arches));
      }
    }
    if (!flags.isEmpty()) {
      facts.add(FLAGS);
      required.add("flags " + String.join(" ", flags));
      // Node Feature Discovery spells flags in capitals (cpu-cpuid.AVX2), /proc/cpuinfo in lower
      // case.
      Optional<SortedSet<String>> present =
          fingerprint
              .fact(FLAGS)
              .filter(Fact.Set.class::isInstance)
              .map(
                  f ->
                      new TreeSet<>(
                          ((Fact.Set) f)
                              .values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList()));
      if (present.isEmpty()) {
        observed.add("flags " + Finding.ABSENT);
        problems.add("the CPU flags are unknown (no cpu.flags)");
      } else {
        List<String> missing = flags.stream().filter(f -> !present.get().contains(f)).toList();
        observed.add("flags " + String.join(" ", present.get()));
        if (!missing.isEmpty()) {
          problems.add("the CPU lacks " + String.join(", ", missing));
        }
      }
    }
    String reason =
        problems.isEmpty()
            ? "the CPU " + String.join(" and ", describeMet(arches, flags))
            : String.join("; ", problems);
    return new Finding(
        problems.isEmpty(),
        facts,
        String.join("; ", required),
        String.join("; ", observed),
        reason,
        List.of());
  }

  private static List<String> describeMet(List<String> arches, List<String> flags) {
    List<String> out = new ArrayList<>();
    if (!arches.isEmpty()) {
      out.add("is " + String.join(" or ", arches));
    }
    if (!flags.isEmpty()) {
      out.add("has " + String.join(", ", flags));
    }
    return out;
  }
}
