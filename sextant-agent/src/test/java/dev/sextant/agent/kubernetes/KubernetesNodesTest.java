package dev.sextant.agent.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.resource.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link KubernetesNodes} against fabric8's mock API server in CRUD mode, which stores what is
 * created and answers lists and label selectors as an API server does, loaded with the fixture
 * nodes. The server listens on the loopback interface only.
 */
class KubernetesNodesTest {
  private static KubernetesMockServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void start_a_crud_api_server_with_the_fixture_nodes() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    for (String fixture : Fixtures.ALL) {
      client.nodes().resource(Fixtures.node(fixture)).create();
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void the_mock_api_server_listens_on_loopback_only() throws Exception {
    URL url = client.getMasterUrl();

    assertThat(InetAddress.getByName(url.getHost()).isLoopbackAddress()).isTrue();
    assertThat(InetAddress.getByName(server.getHostName()).isLoopbackAddress()).isTrue();
  }

  @Test
  void every_node_is_read_with_the_facts_its_labels_and_status_give() {
    SortedMap<String, SortedMap<String, Fact>> nodes = new KubernetesNodes(client).readAll();

    assertThat(nodes)
        .containsOnlyKeys(
            "gpu-h100-0",
            "dgx-a100-07",
            "node1",
            "erife-arm-openshift-4-21-5-gpu01",
            "gke-ml-t4-pool-2c9f1a3e-x7kq");
    for (String fixture : Fixtures.ALL) {
      Node node = Fixtures.node(fixture);
      assertThat(nodes.get(node.getMetadata().getName()))
          .as(fixture)
          .isEqualTo(NodeFacts.of(node))
          .isNotEmpty();
    }
    assertThat(nodes.get("gpu-h100-0"))
        .containsEntry("gpu[7].model", new Fact.Text("NVIDIA-H100-80GB-HBM3"))
        .containsEntry("cuda.driver.max", new Fact.Version("12.2"));
  }

  @ParameterizedTest(name = "-l {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
nvidia.com/gpu.present=true                         | erife-arm-openshift-4-21-5-gpu01,gpu-h100-0
kubernetes.io/arch=arm64                            | erife-arm-openshift-4-21-5-gpu01
kubernetes.io/arch!=arm64                           | dgx-a100-07,gke-ml-t4-pool-2c9f1a3e-x7kq,gpu-h100-0,node1
feature.node.kubernetes.io/cpu-cpuid.AVX512F        | gpu-h100-0,node1
!feature.node.kubernetes.io/system-os_release.ID    | gke-ml-t4-pool-2c9f1a3e-x7kq
nvidia.com/mig.strategy in (single,mixed)           | dgx-a100-07,gpu-h100-0
feature.node.kubernetes.io/system-os_release.ID notin (ubuntu) | erife-arm-openshift-4-21-5-gpu01,gke-ml-t4-pool-2c9f1a3e-x7kq,node1
kubernetes.io/os=linux,nvidia.com/gpu.count=8       | gpu-h100-0
""")
  void a_label_selector_reads_only_the_nodes_it_selects(String selector, String expected) {
    SortedMap<String, SortedMap<String, Fact>> nodes =
        new KubernetesNodes(client).read(LabelSelector.parse(selector));

    assertThat(String.join(",", nodes.keySet())).isEqualTo(expected);
  }

  @Test
  void a_selector_that_selects_nothing_reads_no_nodes() {
    assertThat(new KubernetesNodes(client).read(LabelSelector.parse("tier=none"))).isEmpty();
  }

  @Test
  void nodes_are_read_through_a_client_built_from_a_kubeconfig(@TempDir Path dir) throws Exception {
    Path kubeconfig = kubeconfig(dir, client.getMasterUrl().toString());

    try (KubernetesClient fromFile =
            KubernetesClients.fromKubeconfig(kubeconfig, Optional.empty());
        KubernetesClient fromContext =
            KubernetesClients.fromKubeconfig(kubeconfig, Optional.of("mock"))) {
      assertThat(new KubernetesNodes(fromFile).readAll()).hasSize(Fixtures.ALL.size());
      assertThat(
              new KubernetesNodes(fromContext)
                  .read(LabelSelector.parse("kubernetes.io/arch=arm64")))
          .containsOnlyKeys("erife-arm-openshift-4-21-5-gpu01");
    }
  }

  @Test
  void the_default_configuration_finds_the_kubeconfig_as_kubectl_does(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = kubeconfig(dir, client.getMasterUrl().toString());
    // fabric8 reads the kubeconfig system property before the KUBECONFIG variable.
    String before = System.setProperty("kubeconfig", kubeconfig.toString());
    try (KubernetesClient byDefault = KubernetesClients.fromDefaultConfig()) {
      assertThat(new KubernetesNodes(byDefault).readAll()).hasSize(Fixtures.ALL.size());
    } finally {
      if (before == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", before);
      }
    }
  }

  static Path kubeconfig(Path dir, String server) throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: tester
          user:
            token: not-a-real-token-0123456789
        contexts:
        - name: mock
          context:
            cluster: mock
            user: tester
        - name: other
          context:
            cluster: mock
            user: tester
        current-context: mock
        """
            .formatted(server));
    return file;
  }
}
