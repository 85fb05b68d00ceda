package dev.sextant.core.compat.gpu;

import static dev.sextant.core.compat.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Versions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CudaDriversTest {
  // NVIDIA's Table 3, Linux x86_64 column, typed out again so that a slip in the table shows.
  private static final int ROWS = 60;

  @ParameterizedTest(name = "CUDA {0} needs driver {1}")
  @CsvSource({
    "13.3.1, 610.43.02",
    "13.3.0, 610.43.02",
    "13.2.2, 595.71.05",
    "13.2.1, 595.58.03",
    "13.2.0, 595.45.04",
    "13.1.1, 590.48.01",
    "13.1.0, 590.44.01",
    "13.0.2, 580.95.05",
    "13.0.1, 580.82.07",
    "13.0.0, 580.65.06",
    "12.9.1, 575.57.08",
    "12.9.0, 575.51.03",
    "12.8.1, 570.124.06",
    "12.8.0, 570.26",
    "12.6.3, 560.35.05",
    "12.6.2, 560.35.03",
    "12.6.1, 560.35.03",
    "12.6.0, 560.28.03",
    "12.5.1, 555.42.06",
    "12.5.0, 555.42.02",
    "12.4.1, 550.54.15",
    "12.4.0, 550.54.14",
    "12.3.1, 545.23.08",
    "12.3.0, 545.23.06",
    "12.2.2, 535.104.05",
    "12.2.1, 535.86.09",
    "12.2.0, 535.54.03",
    "12.1.1, 530.30.02",
    "12.1.0, 530.30.02",
    "12.0.1, 525.85.12",
    "12.0.0, 525.60.13",
    "11.8.0, 520.61.05",
    "11.7.1, 515.48.07",
    "11.7.0, 515.43.04",
    "11.6.2, 510.47.03",
    "11.6.1, 510.47.03",
    "11.6.0, 510.39.01",
    "11.5.2, 495.29.05",
    "11.5.1, 495.29.05",
    "11.5.0, 495.29.05",
    "11.4.4, 470.82.01",
    "11.4.3, 470.82.01",
    "11.4.2, 470.57.02",
    "11.4.1, 470.57.02",
    "11.4.0, 470.42.01",
    "11.3.1, 465.19.01",
    "11.3.0, 465.19.01",
    "11.2.2, 460.32.03",
    "11.2.1, 460.32.03",
    "11.2.0, 460.27.03",
    "11.1.1, 455.32",
    "11.1.0, 455.23",
    "11.0.3, 450.51.06",
    "11.0.2, 450.51.05",
    "11.0.1, 450.36.06",
    "10.2.89, 440.33",
    "10.1.243, 418.39",
    "10.1.168, 418.39",
    "10.1.105, 418.39",
    "10.0.130, 410.48"
  })
  void every_release_needs_its_published_driver_and_refuses_one_step_below(
      String toolkit, String driver) {
    assertThat(CudaDrivers.release(toolkit))
        .get()
        .extracting(CudaDrivers.Release::driver)
        .isEqualTo(driver);

    String with = "{\"toolkit\": \"" + toolkit + "\"}";
    assertThat(check("cuda", with, facts(driver)).met()).as("driver %s", driver).isTrue();
    Finding below = check("cuda", with, facts(oneStepBelow(driver)));
    assertThat(below.met()).as("driver %s", oneStepBelow(driver)).isFalse();
    assertThat(below.reason()).contains("CUDA " + toolkit + " needs driver ≥ " + driver);
  }

  @Test
  void the_table_above_is_the_whole_table() {
    assertThat(CudaDrivers.RELEASES).hasSize(ROWS);
    assertThat(CudaDrivers.RELEASES)
        .allSatisfy(r -> assertThat(r.source()).contains("https://docs.nvidia.com/cuda/"));
  }

  @ParameterizedTest(name = "CUDA {0} is {1}")
  @CsvSource({
    "13.3, 13.3.0",
    "13.2, 13.2.0",
    "13.1, 13.1.0",
    "13.0, 13.0.0",
    "12.9, 12.9.0",
    "12.8, 12.8.0",
    "12.6, 12.6.0",
    "12.5, 12.5.0",
    "12.4, 12.4.0",
    "12.3, 12.3.0",
    "12.2, 12.2.0",
    "12.1, 12.1.0",
    "12.0, 12.0.0",
    "11.8, 11.8.0",
    "11.7, 11.7.0",
    "11.6, 11.6.0",
    "11.5, 11.5.0",
    "11.4, 11.4.0",
    "11.3, 11.3.0",
    "11.2, 11.2.0",
    "11.1, 11.1.0",
    "11.0, 11.0.2",
    "10.2, 10.2.89",
    "10.1, 10.1.105",
    "10.0, 10.0.130"
  })
  void a_bare_major_minor_is_its_ga_release_never_an_rc(String toolkit, String ga) {
    assertThat(CudaDrivers.release(toolkit))
        .get()
        .satisfies(
            r -> {
              assertThat(r.version()).isEqualTo(ga);
              assertThat(r.stage()).isEqualTo(CudaDrivers.Stage.GA);
            });
  }

  @Test
  void cuda_11_0_means_the_ga_so_the_release_candidates_driver_falls_short() {
    Finding finding = check("cuda", "{\"toolkit\": \"11.0\"}", facts("450.36.06"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.required()).isEqualTo("CUDA 11.0 (driver ≥ 450.51.05)");
    assertThat(check("cuda", "{\"toolkit\": \"11.0.1\"}", facts("450.36.06")).met()).isTrue();
  }

  @Test
  void the_release_candidates_driver_reports_cuda_11_0_but_is_short_of_the_ga() {
    Fingerprint rcDriver =
        Fixtures.facts(
            Map.of(
                "gpu.driver.version",
                new Fact.Version("450.36.06"),
                "cuda.driver.max",
                new Fact.Version("11.0")));
    Fingerprint reportsOnly = Fixtures.facts(Map.of("cuda.driver.max", new Fact.Version("11.0")));

    Finding finding = check("cuda", "{\"toolkit\": \"11.0\"}", rcDriver);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "driver 450.36.06 is older than CUDA 11.0.2 GA's minimum; CUDA 11.0 needs driver ≥ 450.51.05");
    assertThat(check("cuda", "{\"toolkit\": \"11.0\"}", reportsOnly).caveats())
        .singleElement()
        .asString()
        .contains("CUDA 11.0.2 GA's minimum 450.51.05 was not checked");
  }

  @Test
  void updates_of_cuda_10_1_have_the_10_1_floor_and_nvidia_smi_saying_10_1_covers_them() {
    assertThat(CudaDrivers.release("10.1.243"))
        .get()
        .extracting(CudaDrivers.Release::majorMinor)
        .isEqualTo("10.1");
    Fingerprint reportsOnly = Fixtures.facts(Map.of("cuda.driver.max", new Fact.Version("10.1")));

    Finding finding = check("cuda", "{\"toolkit\": \"10.1.243\"}", reportsOnly);

    assertThat(finding.met()).isTrue();
    assertThat(finding.caveats()).isEmpty();
  }

  @Test
  void releases_the_table_does_not_list_are_refused() {
    assertThat(CudaDrivers.release("12.7")).isEmpty();
    assertThat(CudaDrivers.release("13.4")).isEmpty();
    assertThat(CudaDrivers.release("10.2.0")).isEmpty();
    assertThat(CudaDrivers.release("9.2")).isEmpty();
    assertThat(CudaDrivers.known())
        .startsWith(
            "10.0", "10.0.130", "10.1", "10.1.105", "10.1.168", "10.1.243", "10.2", "10.2.89")
        .contains("11.0", "11.0.1", "11.0.2", "12.4", "12.4.1", "13.3", "13.3.1")
        .doesNotContain("12.4.0");
  }

  @Test
  void the_table_is_newest_first_and_drivers_never_go_down_with_newer_toolkits() {
    for (int i = 1; i < CudaDrivers.RELEASES.size(); i++) {
      CudaDrivers.Release newer = CudaDrivers.RELEASES.get(i - 1);
      CudaDrivers.Release older = CudaDrivers.RELEASES.get(i);
      assertThat(Versions.compare(newer.version(), older.version())).as(newer.label()).isPositive();
      assertThat(Versions.atLeast(newer.driver(), older.driver())).as(newer.label()).isTrue();
    }
  }

  @Test
  void the_newest_release_a_driver_supports() {
    assertThat(CudaDrivers.newestSupportedBy("535.104.05"))
        .get()
        .extracting(CudaDrivers.Release::version)
        .isEqualTo("12.2.2");
    assertThat(CudaDrivers.newestSupportedBy("550.54.15"))
        .get()
        .extracting(CudaDrivers.Release::version)
        .isEqualTo("12.4.1");
    assertThat(CudaDrivers.newestSupportedBy("440.33"))
        .get()
        .extracting(CudaDrivers.Release::version)
        .isEqualTo("10.2.89");
    assertThat(CudaDrivers.newestSupportedBy("620.10"))
        .get()
        .extracting(CudaDrivers.Release::version)
        .isEqualTo("13.3.1");
    assertThat(CudaDrivers.newestSupportedBy("410.47")).isEmpty();
  }

  @ParameterizedTest(name = "CUDA {0}.x runs on driver {1} through minor-version compatibility")
  @CsvSource({"11, 11.8, 450.80.02", "12, 12.9, 525.60.13", "13, 13.3, 580.65.06"})
  void minor_version_compatibility_floors(int major, String newest, String floor) {
    assertThat(CudaDrivers.minorVersionCompatibility(major)).contains(floor);

    String with = "{\"toolkit\": \"" + newest + "\", \"minorVersionCompatibility\": true}";
    assertThat(check("cuda", with, facts(floor)).met()).isTrue();
    assertThat(check("cuda", with, facts(oneStepBelow(floor))).met()).isFalse();
  }

  @Test
  void cuda_10_has_no_minor_version_compatibility() {
    assertThat(CudaDrivers.minorVersionCompatibility(10)).isEmpty();

    Finding finding =
        check(
            "cuda",
            "{\"toolkit\": \"10.2\", \"minorVersionCompatibility\": true}",
            facts("418.39"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.required()).isEqualTo("CUDA 10.2 (driver ≥ 440.33)");
    assertThat(finding.reason())
        .isEqualTo("driver 418.39 supports CUDA ≤ 10.1; CUDA 10.2 needs driver ≥ 440.33");
  }

  /**
   * The driver just short of {@code driver}: its last number less one (none of NVIDIA's ends in 0).
   */
  private static String oneStepBelow(String driver) {
    int dot = driver.lastIndexOf('.');
    String last = driver.substring(dot + 1);
    int lower = Integer.parseInt(last) - 1;
    return driver.substring(0, dot + 1) + String.format("%0" + last.length() + "d", lower);
  }

  private static Fingerprint facts(String driver) {
    return Fixtures.facts(Map.of("gpu.driver.version", new Fact.Version(driver)));
  }
}
