package dev.sextant.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.compat.wheel.WheelValidator;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What scripts read from {@code sextant plan -o json}: typed values, and each rule's source once.
 */
class PlanJsonTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path FINGERPRINTS = Path.of("..", "fingerprints");

  @Test
  void the_best_wheel_tag_is_a_field_with_its_rank_among_the_environments_tags()
      throws IOException {
    Fingerprint h100 = fingerprint("h100.yaml");
    ObjectNode plan = plan(release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml")), h100);

    JsonNode wheel = requirement(plan, "wheel");
    int listed = h100.fact("python.tags").orElseThrow().toJson().size();
    assertThat(wheel.get("observedValue").get("type").asText()).isEqualTo("wheelTag");
    assertThat(wheel.get("observedValue").get("tag").asText())
        .isEqualTo("cp311-cp311-linux_x86_64");
    assertThat(wheel.get("observedValue").get("of").asInt()).isEqualTo(listed);
    assertThat(wheel.get("observed").asText())
        .isEqualTo(
            "cp311-cp311-linux_x86_64 (rank "
                + wheel.get("observedValue").get("rank").asInt()
                + " of "
                + listed
                + ")");
  }

  @Test
  void required_and_observed_values_are_typed_next_to_their_prose() throws IOException {
    ObjectNode plan =
        plan(
            release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml")),
            fingerprint("h100.yaml"));

    JsonNode cuda = requirement(plan, "cuda");
    assertThat(cuda.get("requiredValue").toString())
        .isEqualTo("{\"type\":\"version\",\"value\":\"12.4\"}");
    assertThat(cuda.get("required").asText()).startsWith("CUDA 12.4");
    // The driver says which CUDA releases it runs, not one value to set beside 12.4.
    assertThat(cuda.has("observedValue")).isFalse();
    // A range is not one value.
    assertThat(requirement(plan, "python.version").has("requiredValue")).isFalse();
    assertThat(requirement(plan, "python.version").get("observedValue").toString())
        .isEqualTo("{\"type\":\"version\",\"value\":\"3.11.9\"}");
    // The footprint (14Gi) and the headroom (4Gi) together.
    JsonNode memory = requirement(plan, "gpuMemory").get("requiredValue");
    assertThat(memory.get("type").asText()).isEqualTo("quantity");
    assertThat(memory.get("bytes").asLong()).isEqualTo(18L << 30);
    assertThat(memory.get("text").asText()).isEqualTo("18Gi");
  }

  @Test
  void a_fact_compared_with_one_bound_requires_one_typed_value() throws IOException {
    // On the T4 the gpu variant fails, so the cpu variant's memory.total ≥ 16Gi is evaluated.
    ObjectNode plan =
        plan(
            release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml")),
            fingerprint("t4.yaml"));

    JsonNode memoryTotal = requirement(plan, "memory.total");
    assertThat(memoryTotal.get("requiredValue").toString())
        .isEqualTo("{\"type\":\"quantity\",\"bytes\":17179869184,\"text\":\"16Gi\"}");
    assertThat(memoryTotal.get("observedValue").toString())
        .isEqualTo("{\"type\":\"quantity\",\"bytes\":34359738368,\"text\":\"32Gi\"}");
  }

  @Test
  void a_quantity_written_in_decimal_units_is_shown_as_written_and_compared_in_bytes() {
    Fingerprint host =
        FingerprintFiles.parse(
            "host.yaml",
            """
            facts:
              memory.total: 80 GB
            """
                .getBytes(StandardCharsets.UTF_8));
    ObjectNode plan =
        plan(
            parse(
                "memory.yaml",
                """
                apiVersion: sextant.dev/v1
                kind: Release
                metadata: {name: model-1-0-0}
                spec:
                  service: model
                  version: 1.0.0
                  variants:
                    - name: large
                      artifact: {image: "registry.example/model@sha256:%s"}
                      requirements:
                        - rule: memory
                          with: {min: 80 GB}
                """
                    .formatted("f".repeat(64))),
            host);

    JsonNode memory = requirement(plan, "memory");
    assertThat(memory.get("met").asBoolean()).isTrue();
    assertThat(memory.get("required").asText()).isEqualTo("memory ≥ 80 GB");
    assertThat(memory.get("observed").asText()).isEqualTo("80GB");
    assertThat(memory.get("requiredValue").toString())
        .isEqualTo("{\"type\":\"quantity\",\"bytes\":80000000000,\"text\":\"80 GB\"}");
    assertThat(memory.get("observedValue").toString())
        .isEqualTo("{\"type\":\"quantity\",\"bytes\":80000000000,\"text\":\"80GB\"}");
  }

  @Test
  void each_rules_source_is_said_once_and_findings_name_their_rule() throws IOException {
    ObjectNode plan =
        plan(
            release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml")),
            fingerprint("t4.yaml"));

    assertThat(plan.get("rules").get("wheel").get("source").asText())
        .isEqualTo(new WheelValidator().source());
    List<JsonNode> requirements =
        plan.findValues("requirements").stream().flatMap(r -> toList(r).stream()).toList();
    assertThat(requirements).isNotEmpty();
    for (JsonNode requirement : requirements) {
      if (requirement.has("rule")) {
        assertThat(plan.get("rules").has(requirement.get("rule").asText()))
            .as(requirement.toString())
            .isTrue();
        assertThat(requirement.has("source")).as(requirement.toString()).isFalse();
      } else {
        // A fact comparison has no validator, so no entry in rules: it says its source itself.
        assertThat(requirement.get("source").asText())
            .as(requirement.toString())
            .contains("typed fact comparison");
      }
    }
    assertThat(requirements).anyMatch(r -> r.has("rule")).anyMatch(r -> r.has("source"));
    assertThat(
            plan.toString()
                .split(new WheelValidator().source().replace("(", "\\(").replace(")", "\\)"), -1))
        .hasSize(2);
  }

  private static ObjectNode plan(Resource release, Fingerprint fingerprint) {
    Target target = Target.of("host", Target.Origin.FINGERPRINT_FILE, fingerprint);
    return PlanJson.write(
        new Planner(Validators.standard()).plan(List.of(release), List.of(target), List.of()));
  }

  private static JsonNode requirement(ObjectNode plan, String name) {
    return plan.findValues("requirements").stream()
        .flatMap(r -> toList(r).stream())
        .filter(r -> r.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no requirement " + name + " in " + plan));
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static Fingerprint fingerprint(String file) throws IOException {
    return FingerprintFiles.parse(file, Files.readAllBytes(FINGERPRINTS.resolve(file)));
  }

  private static Resource release(Path file) throws IOException {
    return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  private static Resource parse(String source, String yaml) {
    ParseReport report = new ResourceParser().parse(source, yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(report.problems()).as(source).isEmpty();
    return report.resources().get(0);
  }
}
