package dev.sextant.agent.kubernetes;

import static dev.sextant.agent.kubernetes.ScriptedApiServer.json;
import static dev.sextant.agent.kubernetes.ScriptedApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.sextant.agent.kubernetes.KubernetesDiscoveryException.Reason;
import dev.sextant.core.resource.LabelSelector;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when nodes cannot be read: one sentence naming the API server, the failure and
 * what to do, never a stack trace or a credential.
 */
class KubernetesNodesFailuresTest {
  @Test
  void an_identity_that_may_not_list_nodes_is_told_which_permission_it_lacks() {
    String denied =
        "nodes is forbidden: User \"system:serviceaccount:sextant:agent\" cannot list resource"
            + " \"nodes\" in API group \"\" at the cluster scope";
    try (ScriptedApiServer api =
            new ScriptedApiServer(request -> status(403, "Forbidden", denied));
        KubernetesClient client = api.client()) {
      assertThatThrownBy(() -> new KubernetesNodes(client).readAll())
          .asInstanceOf(type(KubernetesDiscoveryException.class))
          .satisfies(
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(403));
                assertThat(e.retryable()).isFalse();
                assertThat(e.server()).isEqualTo(client.getMasterUrl().toString());
                assertThat(e.getMessage())
                    .startsWith("the Kubernetes API server at " + client.getMasterUrl())
                    .contains("(HTTP 403 Forbidden): " + denied)
                    .contains("grant it get, list and watch on nodes");
                assertUserFacing(e);
              });
    }
  }

  @Test
  void credentials_the_server_does_not_accept_are_reported_as_such() {
    try (ScriptedApiServer api =
            new ScriptedApiServer(request -> status(401, "Unauthorized", "Unauthorized"));
        KubernetesClient client = api.client()) {
      assertThatThrownBy(() -> new KubernetesNodes(client).readAll())
          .asInstanceOf(type(KubernetesDiscoveryException.class))
          .satisfies(
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
                assertThat(e.getMessage())
                    .contains("did not accept the credentials (HTTP 401 Unauthorized)")
                    .contains("check the user of the kubeconfig context");
                assertUserFacing(e);
              });
    }
  }

  @Test
  void a_server_error_is_rejected_and_may_be_retried() {
    try (ScriptedApiServer api =
            new ScriptedApiServer(
                request -> status(500, "InternalError", "etcdserver: leader changed"));
        KubernetesClient client = api.client()) {
      assertThatThrownBy(() -> new KubernetesNodes(client).readAll())
          .asInstanceOf(type(KubernetesDiscoveryException.class))
          .satisfies(
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(500));
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage())
                    .endsWith("refused to list nodes (HTTP 500): etcdserver: leader changed");
                assertUserFacing(e);
              });
    }
  }

  @Test
  void a_url_that_is_no_kubernetes_api_is_named_as_such() {
    try (ScriptedApiServer api =
            new ScriptedApiServer(
                request -> status(404, "NotFound", "the server could not find it"));
        KubernetesClient client = api.client()) {
      assertThatThrownBy(() -> new KubernetesNodes(client).readAll())
          .asInstanceOf(type(KubernetesDiscoveryException.class))
          .satisfies(
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage())
                    .contains("has no nodes API (HTTP 404)")
                    .endsWith("check that it is a Kubernetes API");
                assertUserFacing(e);
              });
    }
  }

  @Test
  void an_api_server_that_does_not_answer_is_unreachable_and_said_so_quickly() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/";
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withOauthToken(ScriptedApiServer.TOKEN)
            .build();
    Instant start = Instant.now();
    try (KubernetesClient client = KubernetesClients.build(config)) {
      assertThatThrownBy(() -> new KubernetesNodes(client).readAll())
          .asInstanceOf(type(KubernetesDiscoveryException.class))
          .satisfies(
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                assertThat(e.httpStatus()).isEmpty();
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage())
                    .startsWith("cannot reach the Kubernetes API server at " + url + ": ")
                    .containsIgnoringCase("connection refused");
                assertUserFacing(e);
              });
    }
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void a_long_list_is_read_page_by_page_with_the_selector_sent_to_the_server() {
    try (ScriptedApiServer api =
            new ScriptedApiServer(
                request ->
                    request.getPath().contains("continue=page-2")
                        ? json(200, nodeList("", "node-b"))
                        : json(200, nodeList("page-2", "node-a")));
        KubernetesClient client = api.client()) {
      assertThat(new KubernetesNodes(client).read(LabelSelector.parse("pool=gpu")))
          .containsOnlyKeys("node-a", "node-b");
      assertThat(api.paths())
          .hasSize(2)
          .allSatisfy(
              path ->
                  assertThat(path)
                      .startsWith("/api/v1/nodes?")
                      .contains("labelSelector=pool%3Dgpu")
                      .contains("limit=" + KubernetesNodes.PAGE_SIZE));
      assertThat(api.paths().get(1)).contains("continue=page-2");
      assertThat(InetAddress.getLoopbackAddress().getHostName()).isNotBlank();
    }
  }

  @Test
  void a_kubeconfig_that_is_not_there_is_a_configuration_error(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-kubeconfig");

    assertThatThrownBy(() -> KubernetesClients.fromKubeconfig(missing, Optional.empty()))
        .asInstanceOf(type(KubernetesDiscoveryException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
              assertThat(e.getMessage())
                  .isEqualTo("cannot read kubeconfig " + missing + ": no such file");
              assertUserFacing(e);
            });
  }

  @Test
  void a_context_the_kubeconfig_does_not_have_is_a_configuration_error(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = KubernetesNodesTest.kubeconfig(dir, "https://127.0.0.1:6443");

    assertThatThrownBy(() -> KubernetesClients.fromKubeconfig(kubeconfig, Optional.of("prod-eu")))
        .asInstanceOf(type(KubernetesDiscoveryException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
              assertThat(e.getMessage()).contains("has no context \"prod-eu\"");
              assertUserFacing(e);
            });
  }

  @Test
  void a_kubeconfig_that_is_not_yaml_is_a_configuration_error_that_quotes_none_of_it(
      @TempDir Path dir) throws Exception {
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            "users:\n- name: admin\n  user:\n    token: [not-a-real-token-but-a-secret\n");

    assertThatThrownBy(() -> KubernetesClients.fromKubeconfig(kubeconfig, Optional.empty()))
        .asInstanceOf(type(KubernetesDiscoveryException.class))
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
              assertThat(e.getMessage())
                  .startsWith("cannot use kubeconfig " + kubeconfig + ": ")
                  .contains("line 5, column 1");
              assertUserFacing(e);
            });
  }

  /** One line for a person: no stack trace, no exception class names, no credential. */
  private static void assertUserFacing(KubernetesDiscoveryException e) {
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain(ScriptedApiServer.TOKEN)
        .doesNotContain("not-a-real-token");
  }

  private static String nodeList(String continueToken, String name) {
    return
"""
{"kind":"NodeList","apiVersion":"v1","metadata":{"continue":"%s"},
 "items":[{"kind":"Node","apiVersion":"v1","metadata":{"name":"%s","labels":{"pool":"gpu"}}}]}"""
        .formatted(continueToken, name);
  }
}
