package dev.sextant.agent.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fabric8 mock API server on loopback whose every answer comes from a function of the request,
 * for the answers a CRUD server never gives: 401, 403, 500, and paged lists.
 */
final class ScriptedApiServer implements AutoCloseable {
  private final KubernetesMockServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();

  ScriptedApiServer(Function<RecordedRequest, MockResponse> answer) {
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            paths.add(request.getPath());
            return answer.apply(request);
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /**
   * A client configured as {@link KubernetesClients} configures one, with a token to keep secret.
   */
  KubernetesClient client() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server.url("/"))
            .withOauthToken(ScriptedApiServer.TOKEN)
            .build();
    return KubernetesClients.build(config);
  }

  /** The paths, query included, of the requests received so far. */
  List<String> paths() {
    return paths;
  }

  String hostName() {
    return server.getHostName();
  }

  static final String TOKEN = "sha256~s3cr3t-t0k3n-never-to-be-printed";

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static MockResponse status(int code, String reason, String message) {
    return json(
        code,
        """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
        "message":"%s","reason":"%s","details":{"kind":"nodes"},"code":%d}"""
            .formatted(message.replace("\"", "\\\""), reason, code));
  }

  @Override
  public void close() {
    server.destroy();
  }
}
