package dev.sextant.core.compat.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CelFactsTest {

  @Test
  void each_fact_type_maps_to_its_cel_value() {
    assertThat(CelFacts.value(new Fact.Version("550.54.15"))).isEqualTo("550.54.15");
    assertThat(CelFacts.value(Quantities.bytes("16Gi"))).isEqualTo(17179869184L);
    assertThat(CelFacts.value(Fact.Set.of(List.of("fma", "avx2"))))
        .isEqualTo(List.of("avx2", "fma"));
    assertThat(CelFacts.value(new Fact.Sequence(List.of("cp311", "abi3"))))
        .isEqualTo(List.of("cp311", "abi3"));
    assertThat(CelFacts.value(new Fact.Text("x86_64"))).isEqualTo("x86_64");
    assertThat(CelFacts.value(new Fact.Flag(true))).isEqualTo(true);
    assertThat(CelFacts.value(Fact.Number.of(16))).isEqualTo(16L);
    assertThat(CelFacts.value(new Fact.Number(new BigDecimal("0.5")))).isEqualTo(0.5);
  }

  @Test
  void the_activation_binds_value_only_when_the_fact_is_there() {
    Fingerprint fingerprint = Fingerprint.of(Map.of("cpu.cores", Fact.Number.of(4)));

    assertThat(CelFacts.activation(fingerprint, Optional.of("cpu.cores")))
        .containsEntry(CelFacts.FACTS, Map.of("cpu.cores", 4L))
        .containsEntry(CelFacts.VALUE, 4L);
    assertThat(CelFacts.activation(fingerprint, Optional.of("cpu.threads")))
        .containsOnlyKeys(CelFacts.FACTS);
  }
}
