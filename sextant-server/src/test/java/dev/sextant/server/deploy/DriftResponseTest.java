package dev.sextant.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment's drift action carried out by a real server on the local target: {@code rollback}
 * undoes the service to the revision before; {@code remediate} rolls out the variant that fits the
 * new fingerprint.
 */
class DriftResponseTest {
  private static final String TOKEN = "sxt_the-drift-tests-admin-token";

  @TempDir Path home;
  private SextantServer server;
  private ApiClient api;
  private Rollouts rollouts;
  private final SampleJar jar = SampleJar.built();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void drift_under_rollback_undoes_the_service_to_the_revision_before() throws Exception {
    start("rollback");
    apply("v1.yaml", jar.release("sample-v1", "1.0.0", "at-once"));
    apply("v2.yaml", jar.release("sample-v2", "2.0.0", "at-once"));
    rollouts.await(rollouts.deploy("sample-v1"), r -> r.path("phase").asText().equals("succeeded"));
    JsonNode v2 =
        rollouts.await(
            rollouts.deploy("sample-v2"), r -> r.path("phase").asText().equals("succeeded"));

    // The host changes under the service: drift from the last known good fingerprint.
    server.services().discovery().record("dev", Lab.host("aarch64"), "file:dev.yaml", "operator");

    // Settled: the restore the move asked for has run on the target, not only been decided.
    JsonNode undone =
        rollouts.await(
            v2,
            r -> r.path("phase").asText().equals("rolled-back") && r.path("settled").asBoolean());
    assertThat(undone.path("instances"))
        .allSatisfy(i -> assertThat(i.path("revision").asText()).isEqualTo("sample-v1@1/jar"));
  }

  @Test
  void drift_under_remediate_rolls_out_the_variant_that_fits_the_new_fingerprint()
      throws Exception {
    start("remediate");
    apply("model.yaml", jar.twoVariants("model-v1", "at-once"));
    JsonNode first =
        rollouts.await(
            rollouts.deploy("model-v1"), r -> r.path("phase").asText().equals("succeeded"));
    assertThat(first.path("canaryRevision").asText()).isEqualTo("model-v1@1/gpu");

    // The driver goes: the gpu variant no longer fits, the cpu one does.
    server
        .services()
        .discovery()
        .record(
            "dev",
            Fingerprint.of(Map.of("cpu.arch", new Fact.Text("x86_64"))).collectedAt(Lab.COLLECTED),
            "file:dev.yaml",
            "operator");

    JsonNode moved =
        rollouts.awaitList(
            items ->
                items.size() == 2
                    && items.get(0).path("canaryRevision").asText().equals("model-v1@1/cpu")
                    && items.get(0).path("phase").asText().equals("succeeded"));
    assertThat(moved.get(0).path("createdBy").asText()).isEqualTo("drift-response");
    assertThat(moved.get(0).path("stableRevision").asText()).isEqualTo("model-v1@1/gpu");
  }

  private void start(String driftAction) {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("data")))
                .withFirstAdminToken(TOKEN));
    api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(TOKEN));
    rollouts = new Rollouts(api);
    apply(
        "environment.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: dev
        spec:
          target:
            type: local
          drift: %s
        """
            .formatted(driftAction));
    apply(
        "strategy.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Strategy
        metadata:
          name: at-once
        spec:
          canary:
            steps:
              - promote: {}
        """);
    server
        .services()
        .discovery()
        .record(
            "dev",
            Fingerprint.of(
                    Map.of(
                        "cpu.arch", new Fact.Text("x86_64"),
                        "gpu[0].model", new Fact.Text("Tesla T4")))
                .collectedAt(Lab.COLLECTED),
            "file:dev.yaml",
            "operator");
  }

  private void apply(String name, String text) {
    server
        .services()
        .resources()
        .apply(List.of(new Input(name, text.getBytes(StandardCharsets.UTF_8))), "test");
  }
}
