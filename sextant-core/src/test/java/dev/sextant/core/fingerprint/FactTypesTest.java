package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.resource.spec.FactValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource({
    "os.id, string",
    "os.version, version",
    "kernel.version, version",
    "cpu.arch, string",
    "cpu.flags, set",
    "cpu.model, string",
    "cpu.cores, number",
    "memory.total, quantity",
    "gpu.count, number",
    "gpu[0].model, string",
    "gpu[3].memory, quantity",
    "gpu[0].compute_capability, version",
    "gpu.driver.version, version",
    "cuda.driver.max, version",
    "libc.family, string",
    "libc.version, version",
    "python.version, version",
    "python.implementation, string",
    "python.tags, list",
    "java.version, version",
    "packages.libcudnn8, version",
    "network.reach.postgres, bool",
    "disk.root.total, quantity",
    "hostname, string",
    "gpu.mig.mode, string",
    "gpu[1].mig.mode, string"
  })
  void known_keys_have_their_registered_type(String key, String type) {
    assertThat(FactTypes.registered(key)).map(FactType::word).contains(type);
  }

  @Test
  void other_keys_take_their_type_from_the_value() {
    assertThat(FactTypes.registered("site.rack")).isEmpty();
    assertThat(FactTypes.fact("site.rack", json("\"r12\""))).isEqualTo(new Fact.Text("r12"));
    assertThat(FactTypes.fact("site.floor", json("3"))).isEqualTo(Fact.Number.of(3));
    assertThat(FactTypes.fact("site.ups", json("true"))).isEqualTo(new Fact.Flag(true));
    assertThat(FactTypes.fact("site.zones", json("[\"b\",\"a\"]")))
        .isEqualTo(new Fact.Sequence(List.of("b", "a")));
    assertThatThrownBy(() -> FactTypes.fact("site.rack", json("null")))
        .hasMessageContaining("found null");
  }

  @Test
  void values_are_read_as_their_key_says() {
    assertThat(FactTypes.fact("memory.total", json("\"24Gi\"")))
        .isEqualTo(Fact.Quantity.bytes(25769803776L));
    assertThat(FactTypes.fact("memory.total", json("25769803776")))
        .isEqualTo(Fact.Quantity.bytes(25769803776L));
    assertThat(FactTypes.fact("cpu.flags", json("[\"avx2\",\"avx\",\"avx2\"]")))
        .isEqualTo(Fact.Set.of(List.of("avx", "avx2")));
    assertThat(FactTypes.fact("cpu.cores", json("\"8\""))).isEqualTo(Fact.Number.of(8));
    assertThat(FactTypes.fact("hostname", json("1234"))).isEqualTo(new Fact.Text("1234"));
    assertThat(FactTypes.fact("network.reach.db", json("\"false\"")))
        .isEqualTo(new Fact.Flag(false));
  }

  @Test
  void a_version_written_as_a_number_keeps_its_text_as_written() {
    assertThat(FactTypes.fact("python.version", json("3.10"), Optional.of("3.10")))
        .isEqualTo(new Fact.Version("3.10"));
    assertThat(FactTypes.fact("os.version", json("12"))).isEqualTo(new Fact.Version("12"));
  }

  @Test
  void a_value_that_does_not_fit_its_key_says_what_was_expected() {
    assertThatThrownBy(() -> FactTypes.fact("memory.total", json("\"lots\"")))
        .hasMessageContaining("\"lots\" is not a quantity");
    assertThatThrownBy(() -> FactTypes.fact("cpu.flags", json("\"avx2\"")))
        .hasMessage("found the string \"avx2\"; a set fact is a list of strings");
    assertThatThrownBy(() -> FactTypes.fact("cpu.flags", json("[\"avx2\", 3]")))
        .hasMessageContaining("element 1 is the number 3");
    assertThatThrownBy(() -> FactTypes.fact("gpu.count", json("\"two\"")))
        .hasMessageContaining("a number fact is a number");
    assertThatThrownBy(() -> FactTypes.fact("gpu.driver.version", json("true")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FactTypes.fact("network.reach.db", json("\"yes\"")))
        .hasMessageContaining("true or false");
  }

  @Test
  void declared_facts_are_typed_like_observed_ones() {
    assertThat(FactTypes.declared("memory.total", new FactValue.Text("24Gi")))
        .isEqualTo(Fact.Quantity.bytes(25769803776L));
    assertThat(FactTypes.declared("gpu.driver.version", new FactValue.Text("535.104.05")))
        .isEqualTo(new Fact.Version("535.104.05"));
    assertThat(FactTypes.declared("os.version", new FactValue.Decimal(new BigDecimal("22.04"))))
        .isEqualTo(new Fact.Version("22.04"));
    assertThat(FactTypes.declared("cpu.flags", new FactValue.TextList(List.of("avx2"))))
        .isEqualTo(Fact.Set.of(List.of("avx2")));
    assertThat(FactTypes.declared("network.reach.db", new FactValue.Bool(true)))
        .isEqualTo(new Fact.Flag(true));
  }

  @Test
  void keys_follow_the_declared_fact_grammar_with_capitals_allowed_after_the_first_segment() {
    assertThat(FactKeys.isValid("gpu[0].compute_capability")).isTrue();
    assertThat(FactKeys.isValid("packages.libstdc++6")).isTrue();
    assertThat(FactKeys.isValid("packages.perl-Carp")).isTrue();
    assertThat(FactKeys.isValid("OS.id")).isFalse();
    assertThat(FactKeys.isValid("os..id")).isFalse();
    assertThat(FactKeys.isValid("disk./.total")).isFalse();
    assertThat(FactKeys.isValid("")).isFalse();
    assertThat(FactKeys.isValid("a." + "b".repeat(252))).isFalse();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
