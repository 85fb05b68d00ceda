package dev.sextant.core.compat.gpu;

import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: cuda}: the GPU driver runs a CUDA toolkit. Source: NVIDIA's table of minimum
 * drivers per toolkit release ({@link CudaDrivers#SOURCE}) and, with {@code
 * minorVersionCompatibility: true}, the CUDA Compatibility guide ({@link
 * CudaDrivers#COMPATIBILITY_SOURCE}).
 *
 * <p>Arguments: {@code toolkit} (required, a release in the table such as {@code 12.4} or {@code
 * 12.4.1}); {@code minorVersionCompatibility} (default false).
 *
 * <p>{@code cuda.driver.max} (what {@code nvidia-smi} prints as "CUDA Version") decides when
 * present, since it is the driver's own answer; {@code gpu.driver.version} through the table
 * decides otherwise, and also for an update release, which needs more than the major.minor that
 * {@code nvidia-smi} reports.
 */
public final class CudaValidator implements Validator {
  static final String DRIVER = "gpu.driver.version";
  static final String MAX = "cuda.driver.max";

  @Override
  public String rule() {
    return "cuda";
  }

  @Override
  public String summary() {
    return "The GPU driver supports a CUDA toolkit release (NVIDIA's minimum driver table)";
  }

  @Override
  public String source() {
    return CudaDrivers.SOURCE + "; minor-version compatibility: " + CudaDrivers.COMPATIBILITY_SOURCE;
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, "toolkit", "minorVersionCompatibility");
    String toolkit = args.version("toolkit");
    CudaDrivers.Release release =
        CudaDrivers.release(toolkit)
            .orElseThrow(
                () -> args.invalid(
                    "toolkit",
                    "is \"" + toolkit + "\", which is not a CUDA release in NVIDIA's driver table; known: "
                        + String.join(", ", CudaDrivers.known())));
    boolean minorCompatibility = args.flag("minorVersionCompatibility", false);
    return fingerprint -> evaluate(toolkit, release, minorCompatibility, fingerprint);
  }

  private static Finding evaluate(
      String toolkit, CudaDrivers.Release release, boolean minorCompatibility, Fingerprint fingerprint) {
    Optional<String> driver = fingerprint.fact(DRIVER).map(Fact::display);
    Optional<String> max = fingerprint.fact(MAX).map(Fact::display);
    Optional<String> mvcDriver =
        minorCompatibility ? CudaDrivers.minorVersionCompatibility(release.major()) : Optional.empty();
    String required = "CUDA " + toolkit + " (driver ≥ " + release.driver()
        + mvcDriver.map(d -> ", or ≥ " + d + " with minor-version compatibility").orElse("") + ")";
    List<String> facts = new ArrayList<>();
    max.ifPresent(m -> facts.add(MAX));
    driver.ifPresent(d -> facts.add(DRIVER));
    if (driver.isEmpty() && max.isEmpty()) {
      return Finding.notMet(
          List.of(MAX, DRIVER), required, Finding.ABSENT,
          "the fingerprint has neither cuda.driver.max nor gpu.driver.version, so the driver's CUDA support is unknown");
    }
    // What the driver supports, in the words of the reason: "CUDA ≤ 12.2".
    Optional<String> newest =
        max.or(() -> driver.flatMap(CudaDrivers::newestSupportedBy).map(CudaDrivers.Release::majorMinor));
    String supports = newest.map(v -> "CUDA ≤ " + v).orElse("no CUDA release from 11.0 on");
    String observed = driver.map(d -> "driver " + d + ", ").orElse("") + supports;
    String who = driver.map(d -> "driver " + d).orElse("the driver");
    String needs = "CUDA " + toolkit + " needs driver ≥ " + release.driver();

    boolean byMax = max.isPresent() && Versions.compare(release.majorMinor(), max.get()) <= 0;
    boolean byTable = driver.isPresent() && Versions.atLeast(driver.get(), release.driver());
    // An update release (12.4.1) needs the table even when nvidia-smi says 12.4: 550.54.14 reports
    // CUDA 12.4 but 12.4 Update 1 needs 550.54.15.
    boolean update = !release.version().endsWith(".0");
    boolean supported = max.isPresent() ? byMax && (!update || driver.isEmpty() || byTable) : byTable;
    if (supported) {
      Finding met = Finding.met(facts, required, observed, who + " supports " + supports + ", which covers CUDA " + toolkit);
      return update && driver.isEmpty()
          ? met.withCaveat("cuda.driver.max gives only major.minor and gpu.driver.version is absent, so whether the driver meets "
              + release.label() + "'s minimum " + release.driver() + " was not checked")
          : met;
    }
    if (mvcDriver.isPresent()) {
      Optional<Finding> compatible = minorCompatible(toolkit, release, mvcDriver.get(), driver, max, facts, required, observed, who, supports);
      if (compatible.isPresent()) {
        return compatible.get();
      }
    }
    // Short of an update release only: "supports CUDA ≤ 12.4; CUDA 12.4.1 needs ..." would read as
    // a contradiction, so name the release whose minimum the driver misses.
    boolean shortOfUpdate = driver.isPresent() && newest.isPresent()
        && Versions.compare(release.majorMinor(), newest.get()) <= 0;
    String reason = shortOfUpdate
        ? "driver " + driver.get() + " is older than " + release.label() + "'s minimum; " + needs
        : who + " supports " + supports + "; " + needs;
    if (mvcDriver.isPresent()) {
      reason += ", or ≥ " + mvcDriver.get() + " through minor-version compatibility";
    }
    return Finding.notMet(facts, required, observed, reason);
  }

  private static Optional<Finding> minorCompatible(
      String toolkit, CudaDrivers.Release release, String mvcDriver, Optional<String> driver, Optional<String> max,
      List<String> facts, String required, String observed, String who, String supports) {
    // Without the driver's version, the driver is at least the minimum of the release it reports.
    Optional<String> atLeast = driver.or(() -> max.flatMap(CudaDrivers::release).map(CudaDrivers.Release::driver));
    if (atLeast.isEmpty() || !Versions.atLeast(atLeast.get(), mvcDriver)) {
      return Optional.empty();
    }
    String family = release.major() + ".x";
    return Optional.of(
        Finding.met(facts, required, observed,
                who + " supports " + supports + ", and minor-version compatibility runs any CUDA " + family
                    + " toolkit, CUDA " + toolkit + " included, on a driver ≥ " + mvcDriver)
            .withCaveat("minor-version compatibility does not cover PTX JIT compilation of code built with CUDA " + toolkit
                + " (PTX newer than the driver fails to load) nor features that need a newer driver; ship cubins for"
                + " the target GPUs or upgrade the driver to ≥ " + release.driver() + " ("
                + CudaDrivers.COMPATIBILITY_SOURCE + ")"));
  }
}
