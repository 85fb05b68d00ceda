package dev.sextant.core.compat.gpu;

import dev.sextant.core.fingerprint.Versions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * NVIDIA's minimum Linux x86_64 driver for each CUDA toolkit release from CUDA 10.0 on: the
 * "Toolkit Driver Version" column of Table 3, "CUDA Toolkit and Corresponding Driver Versions", in
 * the CUDA Toolkit Release Notes (https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/); and
 * the minimum drivers for minor-version compatibility from
 * https://docs.nvidia.com/deploy/cuda-compatibility/.
 *
 * <p>The table stops at CUDA 13.3 Update 1: from CUDA 13.4 the Linux driver is no longer bundled
 * with the toolkit and no Toolkit Driver Version for 13.4 or later was found to copy. A toolkit
 * newer than the table is refused rather than guessed.
 */
public final class CudaDrivers {
  /** Where {@link #RELEASES} comes from. */
  public static final String SOURCE =
      "CUDA Toolkit Release Notes, Table 3 (Linux x86_64 Toolkit Driver Version),"
          + " https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/";

  /** Where {@link #minorVersionCompatibility} comes from. */
  public static final String COMPATIBILITY_SOURCE =
      "https://docs.nvidia.com/deploy/cuda-compatibility/";

  // The edition of the release notes each row was read from: the table drops old rows over time,
  // so the newest edition does not hold them all.
  private static final String NOTES_13_3_1 =
      "CUDA 13.3 Update 1 Release Notes, Table 3, https://docs.nvidia.com/cuda/archive/13.3.1/cuda-toolkit-release-notes/";
  private static final String NOTES_13_2_2 =
      "CUDA 13.2 Update 2 Release Notes, Table 3, https://docs.nvidia.com/cuda/archive/13.2.2/cuda-toolkit-release-notes/";
  private static final String NOTES_11_4_0 =
      "CUDA 11.4 Release Notes, Table 3, https://docs.nvidia.com/cuda/archive/11.4.0/cuda-toolkit-release-notes/";
  private static final String NOTES_10_1_UPDATES =
      NOTES_11_4_0
          + " (row \"CUDA 10.1 (10.1.105 general release, and updates)\"; 10.1.168 and 10.1.243 are the builds of"
          + " 10.1 Update 1 and Update 2)";

  /** What kind of release a row is. */
  public enum Stage {
    /** A release candidate: never what a bare major.minor names. */
    RC,
    /** The general-availability release, which a bare major.minor names. */
    GA,
    /** An update of a GA release. */
    UPDATE
  }

  /**
   * One row of the table.
   *
   * @param version the toolkit release: major.minor.update from CUDA 11 ({@code 12.4.1} is 12.4
   *     Update 1), major.minor.build before ({@code 10.2.89})
   * @param label the release as the table names it
   * @param driver the minimum Linux x86_64 driver
   * @param stage RC, GA or update
   * @param source the edition of the release notes the row was read from
   */
  public record Release(String version, String label, String driver, Stage stage, String source) {
    /** The release's major.minor, which is all {@code nvidia-smi} reports of a driver's CUDA. */
    public String majorMinor() {
      return CudaDrivers.majorMinor(version);
    }

    public int major() {
      return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /**
     * Whether a driver that reports its major.minor may still be short of it: its minimum is above
     * the first driver of that major.minor (550.54.14 reports CUDA 12.4, 12.4 Update 1 needs
     * 550.54.15; the 11.0.1 RC's 450.36.06 reports CUDA 11.0, the 11.0.2 GA needs 450.51.05).
     */
    public boolean needsMoreThanItsMajorMinor() {
      return earliestDriver(majorMinor())
          .filter(first -> Versions.compare(driver, first) > 0)
          .isPresent();
    }
  }

  /** Newest first, as the table lists them. */
  public static final List<Release> RELEASES =
      List.of(
          update("13.3.1", "CUDA 13.3 Update 1", "610.43.02", NOTES_13_3_1),
          ga("13.3.0", "CUDA 13.3 GA", "610.43.02", NOTES_13_3_1),
          update("13.2.2", "CUDA 13.2 Update 2", "595.71.05", NOTES_13_2_2),
          update("13.2.1", "CUDA 13.2 Update 1", "595.58.03", NOTES_13_2_2),
          ga("13.2.0", "CUDA 13.2 GA", "595.45.04", NOTES_13_2_2),
          update("13.1.1", "CUDA 13.1 Update 1", "590.48.01", NOTES_13_2_2),
          ga("13.1.0", "CUDA 13.1 GA", "590.44.01", NOTES_13_2_2),
          update("13.0.2", "CUDA 13.0 Update 2", "580.95.05", NOTES_13_2_2),
          update("13.0.1", "CUDA 13.0 Update 1", "580.82.07", NOTES_13_2_2),
          ga("13.0.0", "CUDA 13.0 GA", "580.65.06", NOTES_13_2_2),
          update("12.9.1", "CUDA 12.9 Update 1", "575.57.08", NOTES_13_2_2),
          ga("12.9.0", "CUDA 12.9 GA", "575.51.03", NOTES_13_2_2),
          update("12.8.1", "CUDA 12.8 Update 1", "570.124.06", NOTES_13_2_2),
          ga("12.8.0", "CUDA 12.8 GA", "570.26", NOTES_13_2_2),
          update("12.6.3", "CUDA 12.6 Update 3", "560.35.05", NOTES_13_2_2),
          update("12.6.2", "CUDA 12.6 Update 2", "560.35.03", NOTES_13_2_2),
          update("12.6.1", "CUDA 12.6 Update 1", "560.35.03", NOTES_13_2_2),
          ga("12.6.0", "CUDA 12.6 GA", "560.28.03", NOTES_13_2_2),
          update("12.5.1", "CUDA 12.5 Update 1", "555.42.06", NOTES_13_2_2),
          ga("12.5.0", "CUDA 12.5 GA", "555.42.02", NOTES_13_2_2),
          update("12.4.1", "CUDA 12.4 Update 1", "550.54.15", NOTES_13_2_2),
          ga("12.4.0", "CUDA 12.4 GA", "550.54.14", NOTES_13_2_2),
          update("12.3.1", "CUDA 12.3 Update 1", "545.23.08", NOTES_13_2_2),
          ga("12.3.0", "CUDA 12.3 GA", "545.23.06", NOTES_13_2_2),
          update("12.2.2", "CUDA 12.2 Update 2", "535.104.05", NOTES_13_2_2),
          update("12.2.1", "CUDA 12.2 Update 1", "535.86.09", NOTES_13_2_2),
          ga("12.2.0", "CUDA 12.2 GA", "535.54.03", NOTES_13_2_2),
          update("12.1.1", "CUDA 12.1 Update 1", "530.30.02", NOTES_13_2_2),
          ga("12.1.0", "CUDA 12.1 GA", "530.30.02", NOTES_13_2_2),
          update("12.0.1", "CUDA 12.0 Update 1", "525.85.12", NOTES_13_2_2),
          ga("12.0.0", "CUDA 12.0 GA", "525.60.13", NOTES_13_2_2),
          ga("11.8.0", "CUDA 11.8 GA", "520.61.05", NOTES_13_2_2),
          update("11.7.1", "CUDA 11.7 Update 1", "515.48.07", NOTES_13_2_2),
          ga("11.7.0", "CUDA 11.7 GA", "515.43.04", NOTES_13_2_2),
          update("11.6.2", "CUDA 11.6 Update 2", "510.47.03", NOTES_13_2_2),
          update("11.6.1", "CUDA 11.6 Update 1", "510.47.03", NOTES_13_2_2),
          ga("11.6.0", "CUDA 11.6 GA", "510.39.01", NOTES_13_2_2),
          update("11.5.2", "CUDA 11.5 Update 2", "495.29.05", NOTES_13_2_2),
          update("11.5.1", "CUDA 11.5 Update 1", "495.29.05", NOTES_13_2_2),
          ga("11.5.0", "CUDA 11.5 GA", "495.29.05", NOTES_13_2_2),
          update("11.4.4", "CUDA 11.4 Update 4", "470.82.01", NOTES_13_2_2),
          update("11.4.3", "CUDA 11.4 Update 3", "470.82.01", NOTES_13_2_2),
          update("11.4.2", "CUDA 11.4 Update 2", "470.57.02", NOTES_13_2_2),
          update("11.4.1", "CUDA 11.4 Update 1", "470.57.02", NOTES_13_2_2),
          ga("11.4.0", "CUDA 11.4.0 GA", "470.42.01", NOTES_13_2_2),
          update("11.3.1", "CUDA 11.3.1 Update 1", "465.19.01", NOTES_13_2_2),
          ga("11.3.0", "CUDA 11.3.0 GA", "465.19.01", NOTES_13_2_2),
          update("11.2.2", "CUDA 11.2.2 Update 2", "460.32.03", NOTES_13_2_2),
          update("11.2.1", "CUDA 11.2.1 Update 1", "460.32.03", NOTES_13_2_2),
          ga("11.2.0", "CUDA 11.2.0 GA", "460.27.03", NOTES_13_2_2),
          update("11.1.1", "CUDA 11.1.1 Update 1", "455.32", NOTES_13_2_2),
          ga("11.1.0", "CUDA 11.1 GA", "455.23", NOTES_13_2_2),
          update("11.0.3", "CUDA 11.0.3 Update 1", "450.51.06", NOTES_13_2_2),
          ga("11.0.2", "CUDA 11.0.2 GA", "450.51.05", NOTES_13_2_2),
          new Release("11.0.1", "CUDA 11.0.1 RC", "450.36.06", Stage.RC, NOTES_13_2_2),
          ga("10.2.89", "CUDA 10.2.89", "440.33", NOTES_11_4_0),
          update("10.1.243", "CUDA 10.1 Update 2 (10.1.243)", "418.39", NOTES_10_1_UPDATES),
          update("10.1.168", "CUDA 10.1 Update 1 (10.1.168)", "418.39", NOTES_10_1_UPDATES),
          ga(
              "10.1.105",
              "CUDA 10.1 (10.1.105 general release, and updates)",
              "418.39",
              NOTES_11_4_0),
          ga("10.0.130", "CUDA 10.0.130", "410.48", NOTES_11_4_0));

  // The compatibility guide gives 11.x as >= 450 "by upgrading to Tesla Recommended Drivers
  // 450.80.02", 12.x as >= 525 and 13.x as >= 580; for 12 and 13 the first driver of the family
  // (the .0 GA's) is the precise floor. CUDA 10 has no minor-version compatibility.
  private static final Map<Integer, String> MINOR_VERSION_COMPATIBILITY =
      Map.of(11, "450.80.02", 12, "525.60.13", 13, "580.65.06");

  private CudaDrivers() {}

  /**
   * The release a toolkit version names: {@code 12.4} and {@code 12.4.0} are 12.4 GA, {@code
   * 12.4.1} is 12.4 Update 1. A bare major.minor always means the GA, never a release candidate:
   * {@code 11.0} is 11.0.2, not the 11.0.1 RC; {@code 10.2} is 10.2.89.
   */
  public static Optional<Release> release(String toolkit) {
    Optional<Release> exact =
        RELEASES.stream().filter(r -> Versions.compare(r.version(), toolkit) == 0).findFirst();
    if (exact.isPresent() || !toolkit.matches("[0-9]+\\.[0-9]+")) {
      return exact;
    }
    return RELEASES.stream()
        .filter(r -> r.stage() == Stage.GA && r.majorMinor().equals(toolkit))
        .findFirst();
  }

  /**
   * The least driver that runs a release of {@code majorMinor}, and so reports it, if any is
   * listed.
   */
  public static Optional<String> earliestDriver(String majorMinor) {
    return RELEASES.stream()
        .filter(r -> r.majorMinor().equals(majorMinor))
        .map(Release::driver)
        .min(Versions.ORDER);
  }

  /** The newest release a driver meets the minimum of, if any from 10.0 on. */
  public static Optional<Release> newestSupportedBy(String driver) {
    return RELEASES.stream().filter(r -> Versions.atLeast(driver, r.driver())).findFirst();
  }

  /**
   * The driver that runs any toolkit of {@code major} through minor-version compatibility, for CUDA
   * 11, 12 and 13.
   */
  public static Optional<String> minorVersionCompatibility(int major) {
    return Optional.ofNullable(MINOR_VERSION_COMPATIBILITY.get(major));
  }

  /** The toolkit versions {@link #release} knows, oldest first, for messages. */
  public static List<String> known() {
    return RELEASES.stream()
        .flatMap(
            r ->
                r.version().equals(r.majorMinor() + ".0")
                    ? Stream.of(r.majorMinor())
                    : Stream.of(r.majorMinor(), r.version()))
        .distinct()
        .sorted(Versions.ORDER)
        .toList();
  }

  static String majorMinor(String version) {
    String[] parts = version.split("[^0-9]+");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  private static Release ga(String version, String label, String driver, String source) {
    return new Release(version, label, driver, Stage.GA, source);
  }

  private static Release update(String version, String label, String driver, String source) {
    return new Release(version, label, driver, Stage.UPDATE, source);
  }
}
