package dev.sextant.core.compat.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Versions;
import org.junit.jupiter.api.Test;

class CudaDriversTest {
  @Test
  void a_major_minor_names_the_ga_release_and_an_update_names_its_row() {
    assertThat(CudaDrivers.release("12.4")).get().extracting(CudaDrivers.Release::driver).isEqualTo("550.54.14");
    assertThat(CudaDrivers.release("12.4.0")).get().extracting(CudaDrivers.Release::driver).isEqualTo("550.54.14");
    assertThat(CudaDrivers.release("12.4.1")).get().extracting(CudaDrivers.Release::driver).isEqualTo("550.54.15");
    assertThat(CudaDrivers.release("11.0")).get().extracting(CudaDrivers.Release::driver).isEqualTo("450.36.06");
    assertThat(CudaDrivers.release("12.7")).isEmpty();
    assertThat(CudaDrivers.release("10.2")).isEmpty();
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
    assertThat(CudaDrivers.newestSupportedBy("535.104.05")).get().extracting(CudaDrivers.Release::version).isEqualTo("12.2.2");
    assertThat(CudaDrivers.newestSupportedBy("550.54.15")).get().extracting(CudaDrivers.Release::version).isEqualTo("12.4.1");
    assertThat(CudaDrivers.newestSupportedBy("440.33")).isEmpty();
  }

  @Test
  void minor_version_compatibility_minimums_per_major() {
    assertThat(CudaDrivers.minorVersionCompatibility(11)).contains("450.80.02");
    assertThat(CudaDrivers.minorVersionCompatibility(12)).contains("525.60.13");
    assertThat(CudaDrivers.minorVersionCompatibility(10)).isEmpty();
  }
}
