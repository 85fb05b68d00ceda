package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.FactValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftTest {
  private final Fingerprint observed = Samples.fingerprint();

  @Test
  void a_declared_driver_version_that_differs_is_exactly_one_change_in_the_platform_layer() {
    DriftReport report =
        Drift.declared(Map.of("gpu.driver.version", new FactValue.Text("535.104.05")), observed);

    assertThat(report.basis()).isEqualTo(DriftReport.Basis.DECLARED);
    assertThat(report.changes())
        .containsExactly(
            new FactChange(
                "gpu.driver.version",
                Layer.PLATFORM,
                FactChange.Kind.CHANGED,
                Optional.of(new Fact.Version("535.104.05")),
                Optional.of(new Fact.Version("550.54.15"))));
    assertThat(report.changes().get(0).describe())
        .isEqualTo("gpu.driver.version (platform) changed: 535.104.05 -> 550.54.15");
    assertThat(report.layers()).containsExactly(Layer.PLATFORM);
  }

  @Test
  void declared_facts_the_observation_bears_out_are_no_drift() {
    Map<String, FactValue> declared = new LinkedHashMap<>();
    declared.put("gpu.driver.version", new FactValue.Text("550.54.15"));
    declared.put("memory.total", new FactValue.Text("24Gi"));
    declared.put("gpu[0].memory", new FactValue.Text("81559 MiB"));
    declared.put("os.version", new FactValue.Decimal(new BigDecimal("12")));
    declared.put("cpu.cores", new FactValue.Decimal(new BigDecimal("16")));
    declared.put("cpu.arch", new FactValue.Text("x86_64"));
    declared.put("cpu.flags", new FactValue.TextList(List.of("avx512f", "avx2")));
    declared.put("network.reach.postgres", new FactValue.Bool(true));
    declared.put("gpu[0].compute_capability", new FactValue.Text("9.0"));
    assertThat(Drift.declared(declared, observed).isEmpty()).isTrue();
  }

  @Test
  void a_declared_fact_not_observed_is_missing_and_a_declared_flag_not_present_is_a_change() {
    Map<String, FactValue> declared = new LinkedHashMap<>();
    declared.put("gpu[1].model", new FactValue.Text("NVIDIA H100 80GB HBM3"));
    declared.put("cpu.flags", new FactValue.TextList(List.of("avx2", "amx_tile")));
    declared.put("memory.total", new FactValue.Text("32Gi"));

    DriftReport report = Drift.declared(declared, observed);

    assertThat(report.changes())
        .extracting(FactChange::key)
        .containsExactly("cpu.flags", "gpu[1].model", "memory.total");
    assertThat(report.missing())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("gpu[1].model");
              assertThat(c.actual()).isEmpty();
              assertThat(c.expected()).contains(new Fact.Text("NVIDIA H100 80GB HBM3"));
            });
    assertThat(report.changed())
        .extracting(FactChange::key)
        .containsExactly("cpu.flags", "memory.total");
    assertThat(report.changed().get(1).expected()).contains(Fact.Quantity.bytes(34359738368L));
  }

  @Test
  void a_declared_value_is_typed_as_the_observed_fact_is() {
    Fingerprint withCustom = observed.with("site.level", new Fact.Version("2.10"));
    assertThat(
            Drift.declared(Map.of("site.level", new FactValue.Text("2.10")), withCustom).isEmpty())
        .isTrue();
    assertThat(
            Drift.declared(Map.of("site.level", new FactValue.Text("2.9")), withCustom).changed())
        .hasSize(1);
  }

  @Test
  void a_declared_value_that_fits_no_type_is_still_reported() {
    DriftReport report =
        Drift.declared(Map.of("memory.total", new FactValue.Text("lots")), observed);
    assertThat(report.changed())
        .singleElement()
        .satisfies(c -> assertThat(c.expected()).contains(new Fact.Text("lots")));
  }

  @Test
  void between_fingerprints_lists_added_removed_and_changed_facts_with_both_values_sorted() {
    Fingerprint current =
        observed
            .with("gpu.driver.version", new Fact.Version("535.104.05"))
            .with("packages.libnccl2", new Fact.Version("2.18.3-1+cuda12.2"))
            .without("network.reach.postgres")
            .with("python.version", new Fact.Version("3.11.9"));

    DriftReport report = Drift.between(observed, current);

    assertThat(report.basis()).isEqualTo(DriftReport.Basis.BASELINE);
    assertThat(report.changes())
        .extracting(FactChange::key, FactChange::kind, FactChange::layer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "gpu.driver.version", FactChange.Kind.CHANGED, Layer.PLATFORM),
            org.assertj.core.groups.Tuple.tuple(
                "network.reach.postgres", FactChange.Kind.REMOVED, Layer.PLATFORM),
            org.assertj.core.groups.Tuple.tuple(
                "packages.libnccl2", FactChange.Kind.ADDED, Layer.DEPENDENCIES),
            org.assertj.core.groups.Tuple.tuple(
                "python.version", FactChange.Kind.CHANGED, Layer.DEPENDENCIES));
    assertThat(report.changed().get(0).expected()).contains(new Fact.Version("550.54.15"));
    assertThat(report.changed().get(0).actual()).contains(new Fact.Version("535.104.05"));
    assertThat(report.added().get(0).expected()).isEmpty();
    assertThat(report.removed().get(0).actual()).isEmpty();
    assertThat(report.layers()).containsExactly(Layer.PLATFORM, Layer.DEPENDENCIES);
  }

  @Test
  void the_same_facts_collected_later_are_no_drift() {
    Fingerprint later =
        Fingerprint.of(Samples.facts()).collectedAt(Samples.COLLECTED.plusSeconds(600));
    DriftReport report = Drift.between(observed, later);
    assertThat(report.isEmpty()).isTrue();
    assertThat(report).isEqualTo(new DriftReport(DriftReport.Basis.BASELINE, List.of()));
  }

  @Test
  void reports_are_values_with_a_json_form() {
    Map<String, FactValue> declared =
        Map.of("gpu.driver.version", new FactValue.Text("535.104.05"));
    assertThat(Drift.declared(declared, observed)).isEqualTo(Drift.declared(declared, observed));
    assertThat(
            dev.sextant.core.digest.CanonicalJson.string(
                Drift.declared(declared, observed).toJson()))
        .isEqualTo(
            "{\"basis\":\"declared\",\"changes\":[{\"actual\":{\"type\":\"version\",\"value\":\"550.54.15\"},"
                + "\"change\":\"changed\",\"expected\":{\"type\":\"version\",\"value\":\"535.104.05\"},"
                + "\"key\":\"gpu.driver.version\",\"layer\":\"platform\"}]}");
  }
}
