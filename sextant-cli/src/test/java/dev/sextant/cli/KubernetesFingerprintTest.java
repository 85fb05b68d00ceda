package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant fingerprint --kubernetes} against the fabric8 mock API server in CRUD mode. */
class KubernetesFingerprintTest {
  private static final Path NODES =
      Path.of("..", "sextant-agent", "src", "test", "resources", "fixtures", "nodes");

  @TempDir Path home;
  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    KubernetesSerialization yaml = new KubernetesSerialization();
    for (String fixture : new String[] {"gpu-h100-sxm.yaml", "cpu-sapphire-rapids.yaml"}) {
      try (InputStream in = Files.newInputStream(NODES.resolve(fixture))) {
        client.nodes().resource(yaml.unmarshal(in, Node.class)).create();
      }
    }
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void each_node_becomes_a_fingerprint_and_a_selector_narrows_them() throws Exception {
    Path kubeconfig =
        Files.writeString(
            home.resolve("kubeconfig"),
            """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: tester, user: {token: not-a-real-token}}]
        contexts: [{name: mock, context: {cluster: mock, user: tester}}]
        current-context: mock
        """
                .formatted(client.getMasterUrl()));

    Cli.Result all =
        Cli.withHome(home)
            .run(
                "fingerprint", "--kubernetes", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    Cli.Result gpus =
        Cli.withHome(home)
            .run(
                "fingerprint",
                "--kubernetes",
                "--kubeconfig",
                kubeconfig.toString(),
                "-l",
                "nvidia.com/gpu.present=true",
                "-o",
                "json");

    assertThat(all.code()).as(all.toString()).isZero();
    JsonNode nodes = new ObjectMapper().readTree(all.out());
    assertThat(nodes.size()).isEqualTo(2);
    JsonNode gpuNodes = new ObjectMapper().readTree(gpus.out());
    assertThat(gpuNodes.size()).isEqualTo(1);
    JsonNode facts = gpuNodes.elements().next().get("facts");
    assertThat(facts.at("/gpu.count/value").asText()).isEqualTo("8");
    assertThat(facts.at("/cuda.driver.max/type").asText()).isEqualTo("version");
    assertThat(facts.at("/cpu.flags/value").toString()).contains("avx512f");
    assertThat(all.out()).doesNotContain("not-a-real-token");
  }
}
