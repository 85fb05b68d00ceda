package dev.sextant.core.compat.gpu;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: cuda}: the GPU driver runs a CUDA toolkit. Source: NVIDIA's table of minimum drivers
 * per toolkit release ({@link CudaDrivers#SOURCE}) and, with {@code minorVersionCompatibility:
 * true}, the CUDA Compatibility guide ({@link CudaDrivers#COMPATIBILITY_SOURCE}).
 *
 * <p>Arguments: {@code toolkit} (required, a release in the table such as {@code 12.4} or {@code
 * 12.4.1}); {@code minorVersionCompatibility} (default false).
 *
 * <p>{@code cuda.driver.max} (what {@code nvidia-smi} prints as "CUDA Version") decides when
 * present, since it is the driver's own answer; {@code gpu.driver.version} through the table
 * decides otherwise, and also for a release that needs more than the first driver of the
 * major.minor that {@code nvidia-smi} reports (an update such as 12.4.1; 11.0 GA, above the 11.0
 * release candidate).
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
    return CudaDrivers.SOURCE
        + "; minor-version compatibility: "
        + CudaDrivers.COMPATIBILITY_SOURCE;
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "toolkit",
            "version",
            "a CUDA release in NVIDIA's driver table, such as 12.4 or 12.4.1"),
        Argument.optional(
            "minorVersionCompatibility",
            "true or false",
            "false",
            "also accept an older driver of the same major release, through CUDA minor-version compatibility"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{toolkit: \"12.4\"}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    String toolkit = args.version("toolkit");
    CudaDrivers.Release release =
        CudaDrivers.release(toolkit)
            .orElseThrow(
                () ->
                    args.invalid(
                        "toolkit",
                        "is \""
                            + toolkit
                            + "\", which is not a CUDA release in NVIDIA's driver table; known: "
                            + String.join(", ", CudaDrivers.known())));
    boolean minorCompatibility = args.flag("minorVersionCompatibility", false);
    Value required = new Value.Version(toolkit);
    return fingerprint ->
        evaluate(toolkit, release, minorCompatibility, fingerprint).withRequired(required);
  }

  /**
   * What a fingerprint says about the driver.
   *
   * @param version {@code gpu.driver.version}
   * @param max {@code cuda.driver.max}, the CUDA version nvidia-smi reports
   */
  private record Driver(Optional<String> version, Optional<String> max) {
    static Driver of(Fingerprint fingerprint) {
      return new Driver(
          fingerprint.fact(DRIVER).map(Fact::display), fingerprint.fact(MAX).map(Fact::display));
    }

    List<String> facts() {
      List<String> facts = new ArrayList<>();
      max.ifPresent(m -> facts.add(MAX));
      version.ifPresent(d -> facts.add(DRIVER));
      return facts;
    }

    /** The newest major.minor it runs: nvidia-smi's own answer, else the table's. */
    Optional<String> newest() {
      return max.or(
          () ->
              version.flatMap(CudaDrivers::newestSupportedBy).map(CudaDrivers.Release::majorMinor));
    }

    /**
     * The least driver version it can be: its own, else the first driver of the release it reports.
     */
    Optional<String> atLeast() {
      return version.or(() -> max.flatMap(CudaDrivers::earliestDriver));
    }

    String supports() {
      return newest().map(v -> "CUDA ≤ " + v).orElse("no CUDA release from 10.0 on");
    }

    String who() {
      return version.map(d -> "driver " + d).orElse("the driver");
    }

    String observed() {
      return version.map(d -> "driver " + d + ", ").orElse("") + supports();
    }
  }

  private static Finding evaluate(
      String toolkit,
      CudaDrivers.Release release,
      boolean minorCompatibility,
      Fingerprint fingerprint) {
    Driver driver = Driver.of(fingerprint);
    Optional<String> mvcDriver =
        minorCompatibility
            ? CudaDrivers.minorVersionCompatibility(release.major())
            : Optional.empty();
    String required =
        "CUDA "
            + toolkit
            + " (driver ≥ "
            + release.driver()
            + mvcDriver.map(d -> ", or ≥ " + d + " with minor-version compatibility").orElse("")
            + ")";
    if (driver.version().isEmpty() && driver.max().isEmpty()) {
      return Finding.notMet(
          List.of(MAX, DRIVER),
          required,
          Finding.ABSENT,
          "the fingerprint has neither cuda.driver.max nor gpu.driver.version, so the driver's CUDA support is unknown");
    }
    Optional<String> garbled =
        unreadable(DRIVER, driver.version()).or(() -> unreadable(MAX, driver.max()));
    if (garbled.isPresent()) {
      return Finding.notMet(driver.facts(), required, driver.observed(), garbled.get());
    }
    List<String> facts = driver.facts();
    String observed = driver.observed();
    String needs = "CUDA " + toolkit + " needs driver ≥ " + release.driver();

    boolean byMax =
        driver.max().isPresent() && Versions.compare(release.majorMinor(), driver.max().get()) <= 0;
    boolean byTable =
        driver.version().isPresent() && Versions.atLeast(driver.version().get(), release.driver());
    // An update release (12.4.1) needs the table even when nvidia-smi says 12.4: 550.54.14 reports
    // CUDA 12.4 but 12.4 Update 1 needs 550.54.15. So does 11.0 GA, above the 11.0 RC's driver; an
    // update with its GA's minimum (10.1.243) does not.
    boolean beyondMajorMinor = release.needsMoreThanItsMajorMinor();
    boolean supported =
        driver.max().isPresent()
            ? byMax && (!beyondMajorMinor || driver.version().isEmpty() || byTable)
            : byTable;
    if (supported) {
      Finding met =
          Finding.met(
              facts,
              required,
              observed,
              driver.who() + " supports " + driver.supports() + ", which covers CUDA " + toolkit);
      return beyondMajorMinor && driver.version().isEmpty()
          ? met.withCaveat(
              "cuda.driver.max gives only major.minor and gpu.driver.version is absent, so whether the driver meets "
                  + release.label()
                  + "'s minimum "
                  + release.driver()
                  + " was not checked")
          : met;
    }
    if (mvcDriver.isPresent()
        && driver.atLeast().filter(least -> Versions.atLeast(least, mvcDriver.get())).isPresent()) {
      return Finding.met(
              facts,
              required,
              observed,
              driver.who()
                  + " supports "
                  + driver.supports()
                  + ", and minor-version compatibility runs any CUDA "
                  + release.major()
                  + ".x toolkit, CUDA "
                  + toolkit
                  + " included, on a driver ≥ "
                  + mvcDriver.get())
          .withCaveat(
              "minor-version compatibility does not cover PTX JIT compilation of code built with CUDA "
                  + toolkit
                  + " (PTX newer than the driver fails to load) nor features that need a newer driver; ship cubins for"
                  + " the target GPUs or upgrade the driver to ≥ "
                  + release.driver()
                  + " ("
                  + CudaDrivers.COMPATIBILITY_SOURCE
                  + ")");
    }
    // Short of an update release only: "supports CUDA ≤ 12.4; CUDA 12.4.1 needs ..." would read as
    // a contradiction, so name the release whose minimum the driver misses.
    boolean shortOfUpdate =
        driver.version().isPresent()
            && driver.newest().isPresent()
            && Versions.compare(release.majorMinor(), driver.newest().get()) <= 0;
    String reason =
        shortOfUpdate
            ? "driver "
                + driver.version().get()
                + " is older than "
                + release.label()
                + "'s minimum; "
                + needs
            : driver.who() + " supports " + driver.supports() + "; " + needs;
    if (mvcDriver.isPresent()) {
      reason += ", or ≥ " + mvcDriver.get() + " through minor-version compatibility";
    }
    return Finding.notMet(facts, required, observed, reason);
  }

  /**
   * Why a driver or CUDA version is not one, for fingerprints written by hand or by a broken probe.
   */
  private static Optional<String> unreadable(String key, Optional<String> value) {
    return value
        .filter(v -> v.isEmpty() || v.charAt(0) < '0' || v.charAt(0) > '9')
        .map(
            v ->
                key
                    + " is \""
                    + v
                    + "\", which is not a version; expected dotted numbers such as "
                    + (key.equals(DRIVER) ? "550.54.15" : "12.4"));
  }
}
