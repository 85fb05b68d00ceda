package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintDigestsTest {

  @Test
  void the_same_facts_in_any_order_have_the_same_digests() {
    FingerprintDigests first = Fingerprint.of(Samples.facts()).digests();
    for (long seed = 1; seed <= 5; seed++) {
      List<Map.Entry<String, Fact>> entries = new ArrayList<>(Samples.facts().entrySet());
      Collections.shuffle(entries, new java.util.Random(seed));
      Map<String, Fact> shuffled = new LinkedHashMap<>();
      entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
      assertThat(Fingerprint.of(shuffled).digests()).isEqualTo(first);
    }
  }

  @Test
  void equal_values_written_differently_have_the_same_digests() {
    Fingerprint a =
        Fingerprint.of(
            Map.of(
                "memory.total",
                Fact.Quantity.bytes(25769803776L),
                "cpu.flags",
                Fact.Set.of(List.of("avx2", "avx"))));
    Fingerprint b =
        Fingerprint.of(
            Map.of(
                "memory.total",
                Quantities.bytes("24Gi"),
                "cpu.flags",
                Fact.Set.of(List.of("avx", "avx2", "avx"))));
    assertThat(b.digests()).isEqualTo(a.digests());
  }

  @Test
  void changing_one_fact_changes_only_its_layer_digest_and_the_whole() {
    Fingerprint before = Samples.fingerprint();
    Fingerprint after = before.with("gpu.driver.version", new Fact.Version("535.104.05"));

    FingerprintDigests was = before.digests();
    FingerprintDigests now = after.digests();
    assertThat(now.layer(Layer.PLATFORM)).isNotEqualTo(was.layer(Layer.PLATFORM));
    assertThat(now.layer(Layer.DEPENDENCIES)).isEqualTo(was.layer(Layer.DEPENDENCIES));
    assertThat(now.layer(Layer.ARTIFACTS)).isEqualTo(was.layer(Layer.ARTIFACTS));
    assertThat(now.whole()).isNotEqualTo(was.whole());
  }

  @Test
  void changing_a_dependency_leaves_the_platform_digest_alone() {
    Fingerprint before = Samples.fingerprint();
    FingerprintDigests was = before.digests();
    FingerprintDigests now = before.with("python.version", new Fact.Version("3.11.9")).digests();
    assertThat(now.layer(Layer.DEPENDENCIES)).isNotEqualTo(was.layer(Layer.DEPENDENCIES));
    assertThat(now.layer(Layer.PLATFORM)).isEqualTo(was.layer(Layer.PLATFORM));
    assertThat(now.layer(Layer.ARTIFACTS)).isEqualTo(was.layer(Layer.ARTIFACTS));
    assertThat(now.whole()).isNotEqualTo(was.whole());
  }

  @Test
  void time_environment_and_signature_do_not_change_the_digests() {
    Fingerprint plain = Fingerprint.of(Samples.facts());
    Fingerprint later =
        plain.collectedAt(Instant.parse("2030-01-01T00:00:00Z")).describing("elsewhere");
    assertThat(later.digests()).isEqualTo(plain.digests());
  }

  @Test
  void the_type_of_a_fact_is_part_of_its_digest() {
    Fingerprint asVersion = Fingerprint.of(Map.of("site.level", new Fact.Version("12")));
    Fingerprint asText = Fingerprint.of(Map.of("site.level", new Fact.Text("12")));
    assertThat(asVersion.digests().whole()).isNotEqualTo(asText.digests().whole());
  }

  @Test
  void layer_digests_are_over_typed_canonical_json_and_the_whole_over_the_layer_digests() {
    Fingerprint fingerprint =
        Fingerprint.of(
            Map.of("os.id", new Fact.Text("debian"), "memory.total", Quantities.bytes("24Gi")));
    FingerprintDigests digests = fingerprint.digests();
    String platform =
        "{\"memory.total\":{\"type\":\"quantity\",\"unit\":\"bytes\",\"value\":\"25769803776\"},"
            + "\"os.id\":{\"type\":\"string\",\"value\":\"debian\"}}";
    assertThat(digests.layer(Layer.PLATFORM))
        .isEqualTo(Digest.sha256(platform.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Digest empty = Digest.sha256("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(digests.layer(Layer.DEPENDENCIES)).isEqualTo(empty);
    assertThat(digests.layer(Layer.ARTIFACTS)).isEqualTo(empty);
    assertThat(digests.whole())
        .isEqualTo(Digest.sha256(CanonicalJson.bytes(FingerprintDigests.tree(digests.layers()))));
  }

  @Test
  void facts_are_sorted_by_key_and_grouped_in_layers() {
    Fingerprint fingerprint = Samples.fingerprint();
    assertThat(fingerprint.facts().firstKey()).isEqualTo("artifacts.fraud-detector");
    assertThat(fingerprint.layer(Layer.DEPENDENCIES).keySet())
        .containsExactly(
            "libc.family", "libc.version", "packages.libcudnn8", "python.tags", "python.version");
    assertThat(fingerprint.layer(Layer.ARTIFACTS).keySet())
        .containsExactly("artifacts.fraud-detector");
    assertThat(fingerprint.layers()).containsOnlyKeys(Layer.values());
  }

  @Test
  void a_key_that_is_not_a_fact_key_is_refused() {
    assertThatThrownBy(() -> Fingerprint.of(Map.of("Memory Total", Fact.Number.of(1))))
        .hasMessageContaining("is not a fact key");
  }
}
