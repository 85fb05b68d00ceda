package dev.sextant.core.compat.gpu;

import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.schema.Examples;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GPU requirements of the example release, as written there, against the example hosts. */
class FraudDetectorReleaseTest {
  private static final Set<String> GPU_RULES = Set.of("cuda", "computeCapability", "gpuMemory");

  @Test
  void the_gpu_variant_fits_the_h100_host() {
    assertThat(findings(fingerprint("h100.yaml")).values()).allMatch(Finding::met);
  }

  @Test
  void the_gpu_variant_fails_the_t4_host_on_driver_capability_and_memory() {
    Map<String, Finding> findings = findings(fingerprint("t4.yaml"));

    assertThat(findings).containsOnlyKeys("cuda", "computeCapability", "gpuMemory");
    assertThat(findings.values()).noneMatch(Finding::met);
    assertThat(findings.get("cuda").reason())
        .isEqualTo("driver 535.104.05 supports CUDA ≤ 12.2; CUDA 12.4 needs driver ≥ 550.54.14");
  }

  private static Map<String, Finding> findings(Fingerprint host) {
    JsonNode variant = Examples.named("releases/fraud-detector-1.4.0.yaml").at("/spec/variants/0");
    assertThat(variant.path("name").asText()).isEqualTo("gpu");
    Map<String, Finding> out = new LinkedHashMap<>();
    for (JsonNode requirement : variant.path("requirements")) {
      String rule = requirement.path("rule").asText();
      if (GPU_RULES.contains(rule)) {
        out.put(
            rule,
            Validators.standard()
                .get(rule)
                .prepare(Fixtures.rule(rule, requirement.path("with").toString()))
                .evaluate(host));
      }
    }
    return out;
  }
}
