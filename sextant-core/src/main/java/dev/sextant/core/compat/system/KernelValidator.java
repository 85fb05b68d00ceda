package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rule: kernel}: the Linux kernel is at least a version. Source: the kernel release as
 * {@code uname -r} gives it (https://www.kernel.org/doc/html/latest/admin-guide/README.html,
 * "kernel version numbering"): major.minor.patch, then whatever the distribution appends.
 *
 * <p>Arguments: {@code min} (required, dotted, such as {@code 5.15}).
 */
public final class KernelValidator implements Validator {
  static final String KERNEL = "kernel.version";

  // Distributions append their build after the upstream version: "-122.189.amzn2023.x86_64",
  // "-26-cloud-arm64", "+deb12". Their numbers are not upstream's and must not count.
  private static final Pattern UPSTREAM = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  @Override
  public String rule() {
    return "kernel";
  }

  @Override
  public String summary() {
    return "The Linux kernel is at least a version (distribution suffixes ignored)";
  }

  @Override
  public String source() {
    return "uname -r kernel release, https://www.kernel.org/doc/html/latest/admin-guide/README.html";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "min", "dotted version", "the oldest upstream kernel accepted, such as 5.15"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: \"5.15\"}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    String min = args.version("min");
    if (!UPSTREAM.matcher(min).matches()) {
      throw args.invalid(
          "min", "is \"" + min + "\"; expected a dotted kernel version such as 5.15");
    }
    return fingerprint -> evaluate(min, fingerprint);
  }

  /**
   * The upstream part of a kernel release: {@code 6.1.112} of {@code
   * 6.1.112-122.189.amzn2023.x86_64}.
   */
  static Optional<String> upstream(String release) {
    Matcher m = UPSTREAM.matcher(release);
    return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
  }

  private static Finding evaluate(String min, Fingerprint fingerprint) {
    String required = "kernel ≥ " + min;
    List<String> facts = List.of(KERNEL);
    Optional<String> release = fingerprint.fact(KERNEL).map(Fact::display);
    if (release.isEmpty()) {
      return Finding.notMet(
              facts, required, Finding.ABSENT, "the kernel version is unknown (no kernel.version)")
          .withRequired(new Value.Version(min));
    }
    Optional<String> upstream = upstream(release.get());
    if (upstream.isEmpty()) {
      return Finding.notMet(
              facts,
              required,
              release.get(),
              "kernel release \"" + release.get() + "\" does not start with a version number")
          .withRequired(new Value.Version(min));
    }
    boolean met = Versions.atLeast(upstream.get(), min);
    String shown =
        upstream.get().equals(release.get())
            ? upstream.get()
            : upstream.get() + " (" + release.get() + ")";
    return new Finding(
            met,
            facts,
            required,
            "kernel " + shown,
            "kernel " + upstream.get() + (met ? " is at least " : " is older than ") + min,
            List.of())
        .withRequired(new Value.Version(min))
        .withObserved(new Value.Version(upstream.get()));
  }
}
