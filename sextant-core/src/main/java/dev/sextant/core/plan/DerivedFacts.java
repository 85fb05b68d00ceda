package dev.sextant.core.plan;

import dev.sextant.core.compat.gpu.CudaDrivers;
import dev.sextant.core.fingerprint.Fact;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Facts that follow from other facts, so that a what-if on one also changes the other: a driver
 * upgrade changes the newest CUDA the driver runs. Without this, {@code cuda.driver.max} of the old
 * driver would still speak for the new one, and the cuda rule, which trusts it first, would answer
 * for the driver that is installed today.
 */
final class DerivedFacts {
  /**
   * One derivation.
   *
   * @param key the derived fact
   * @param from the fact it follows from
   * @param derive its value from that fact's; empty when it has none
   */
  record Derivation(String key, String from, Function<Fact, Optional<Fact>> derive) {}

  static final List<Derivation> ALL =
      List.of(
          // What nvidia-smi prints as "CUDA Version" is the newest release the driver meets the
          // minimum of, as major.minor; NVIDIA's table gives the same answer for a driver not
          // installed.
          new Derivation(
              "cuda.driver.max",
              "gpu.driver.version",
              driver ->
                  CudaDrivers.newestSupportedBy(driver.display())
                      .map(release -> new Fact.Version(release.majorMinor()))));

  private DerivedFacts() {}
}
