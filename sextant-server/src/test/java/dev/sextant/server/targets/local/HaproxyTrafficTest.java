package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real HAProxy on loopback in front of two tiny HTTP servers, one per track, each answering its
 * track's name. Shares are counted from the answers, so they are what clients would see.
 */
class HaproxyTrafficTest {
  private static final int REQUESTS = 200;
  private static final Duration START = Duration.ofSeconds(15);
  private static final Slot STABLE = new Slot(Track.STABLE, 1);
  private static final Slot CANARY = new Slot(Track.CANARY, 1);

  private Path binary;
  private Path dir;
  private HttpServer stable;
  private HttpServer canary;
  private HttpServer baseline;
  private HaproxyConfig config;
  private HaproxyRuntime runtime;
  private HaproxyProcess haproxy;
  private HaproxyBalancer balancer;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void start() throws IOException {
    binary = HaproxyInstallation.binary();
    // UNIX socket paths hold about 100 bytes: keep the directory short, under /tmp
    dir = Files.createTempDirectory(Path.of("/tmp"), "sxh");
    stable = answering("stable");
    canary = answering("canary");
    baseline = answering("baseline");
    config =
        new HaproxyConfig(
            "web",
            freePort(),
            2,
            dir.resolve("admin.sock"),
            dir.resolve("pid"),
            Optional.empty(),
            OptionalInt.of(freePort()));
    Files.writeString(dir.resolve("haproxy.cfg"), config.text());
    runtime = new HaproxyRuntime(config.adminSocket(), Duration.ofSeconds(5));
    haproxy = startHaproxy();
    balancer = new HaproxyBalancer(config, runtime);
  }

  @AfterEach
  void stop() throws IOException {
    if (haproxy != null) {
      haproxy.close();
    }
    if (stable != null) {
      stable.stop(0);
    }
    if (canary != null) {
      canary.stop(0);
    }
    if (baseline != null) {
      baseline.stop(0);
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void the_canary_gets_no_requests_at_0_percent_a_quarter_at_25_and_all_at_100() throws Exception {
    bindBothReady();

    balancer.split(TrafficSplit.of(0, 1, 1));
    assertThat(send(REQUESTS)).containsExactly(Map.entry("stable", REQUESTS));

    balancer.split(TrafficSplit.of(25, 1, 1));
    Map<String, Integer> quarter = send(REQUESTS);
    assertThat(quarter).containsOnlyKeys("stable", "canary");
    assertThat(quarter.get("canary")).isBetween(30, 70);

    balancer.split(TrafficSplit.of(100, 1, 1));
    assertThat(send(REQUESTS)).containsExactly(Map.entry("canary", REQUESTS));
  }

  @Test
  void a_baseline_beside_the_canary_takes_the_canary_s_share_from_stable() throws Exception {
    bindBothReady();
    Slot slot = new Slot(Track.BASELINE, 1);
    balancer.bind(slot, baseline.getAddress().getPort());
    balancer.setState(slot, ServerAdminState.READY);

    balancer.split(TrafficSplit.of(25, 1, 1, 1));
    Map<String, Integer> shares = send(REQUESTS);

    assertThat(shares).containsOnlyKeys("stable", "canary", "baseline");
    assertThat(shares.get("canary")).isBetween(30, 70);
    assertThat(shares.get("baseline")).isEqualTo(shares.get("canary"));
    assertThat(shares.get("stable")).isBetween(80, 120);
  }

  @Test
  void haproxy_s_own_exporter_serves_its_metrics_on_the_metrics_port() throws Exception {
    bindBothReady();
    balancer.split(TrafficSplit.of(25, 1, 1));
    send(8);

    HttpResponse<String> metrics =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + config.metricsPort().getAsInt() + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("haproxy_server_http_responses_total{proxy=\"web\",server=\"canary-1\"");
  }

  @Test
  void haproxy_reports_the_addresses_weights_and_states_the_balancer_set() {
    bindBothReady();
    TrafficSplit split = TrafficSplit.of(25, 1, 1);
    balancer.split(split);

    Map<String, ServerState> servers = byName(runtime.showServers("web"));

    assertThat(servers)
        .containsOnlyKeys(
            "stable-1", "stable-2", "canary-1", "canary-2", "baseline-1", "baseline-2");
    assertThat(servers.get("stable-1").port()).isEqualTo(stable.getAddress().getPort());
    assertThat(servers.get("stable-1").address()).isEqualTo("127.0.0.1");
    assertThat(servers.get("stable-1").weight()).isEqualTo(split.stableWeight());
    assertThat(servers.get("canary-1").port()).isEqualTo(canary.getAddress().getPort());
    assertThat(servers.get("canary-1").weight()).isEqualTo(split.canaryWeight());
    assertThat(servers.get("canary-1").inMaintenance()).isFalse();
    assertThat(servers.get("canary-2").inMaintenance()).isTrue();
    assertThat(servers.get("canary-2").weight()).isZero();
  }

  @Test
  void a_drained_canary_gets_no_new_requests_and_keeps_its_weight_for_when_it_is_ready()
      throws Exception {
    bindBothReady();
    TrafficSplit split = TrafficSplit.of(25, 1, 1);
    balancer.split(split);

    balancer.setState(CANARY, ServerAdminState.DRAIN);
    assertThat(send(REQUESTS)).containsExactly(Map.entry("stable", REQUESTS));
    ServerState drained = byName(runtime.showServers("web")).get("canary-1");
    assertThat(drained.draining()).isTrue();
    assertThat(drained.weight()).isEqualTo(split.canaryWeight());

    balancer.setState(CANARY, ServerAdminState.READY);
    assertThat(send(REQUESTS).get("canary")).isBetween(30, 70);
  }

  @Test
  void after_haproxy_restarts_the_slots_are_dark_until_the_balancer_reasserts_them()
      throws Exception {
    bindBothReady();
    balancer.split(TrafficSplit.of(25, 1, 1));

    haproxy.close();
    haproxy = startHaproxy();
    Map<String, ServerState> fresh = byName(runtime.showServers("web"));
    assertThat(fresh.get("canary-1").inMaintenance()).isTrue();
    assertThat(fresh.get("canary-1").weight()).isZero();
    assertThat(fresh.get("canary-1").port()).isEqualTo(1);
    assertThat(send(10)).doesNotContainKeys("stable", "canary");

    balancer.reassert();
    Map<String, ServerState> reasserted = byName(runtime.showServers("web"));
    assertThat(reasserted.get("canary-1").port()).isEqualTo(canary.getAddress().getPort());
    assertThat(reasserted.get("canary-1").weight())
        .isEqualTo(balancer.desired().get(CANARY).weight());
    assertThat(send(REQUESTS).get("canary")).isBetween(30, 70);
  }

  @Test
  void an_abort_sets_the_canary_weight_to_0_and_sends_everything_to_stable() throws Exception {
    bindBothReady();
    balancer.split(TrafficSplit.of(25, 1, 1));

    balancer.split(TrafficSplit.of(0, 1, 1));

    assertThat(byName(runtime.showServers("web")).get("canary-1").weight()).isZero();
    assertThat(send(REQUESTS)).containsExactly(Map.entry("stable", REQUESTS));
  }

  @Test
  void haproxy_refusals_become_exceptions_in_haproxys_words() {
    assertThatThrownBy(() -> runtime.setWeight("web", "canary-1", 300))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("Absolute weight can only be between 0 and 256");
    assertThatThrownBy(() -> runtime.setState("web", "canary-9", ServerAdminState.READY))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("No such server");
    assertThatThrownBy(() -> runtime.setServerAddress("web", "nope", "127.0.0.1", 8080))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("No such server");
    assertThatThrownBy(() -> runtime.showServers("nope"))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("HAProxy refused 'show servers state nope'");
  }

  @Test
  void haproxy_accepts_the_generated_configuration_with_health_checks_without_warnings()
      throws IOException {
    HaproxyConfig checked =
        new HaproxyConfig(
            "web",
            freePort(),
            3,
            dir.resolve("c.sock"),
            dir.resolve("c.pid"),
            Optional.of("/healthz"));
    Path file = Files.writeString(dir.resolve("checked.cfg"), checked.text());

    assertThat(HaproxyProcess.check(binary, file))
        .contains("Configuration file is valid")
        .doesNotContain("WARNING", "ALERT");
  }

  @Test
  void a_configuration_haproxy_refuses_fails_the_start_with_haproxys_words() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.cfg"), config.text() + "    nonsense here\n");

    assertThatThrownBy(() -> HaproxyProcess.check(binary, bad))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("nonsense");
    assertThatThrownBy(
            () -> HaproxyProcess.start(binary, bad, dir.resolve("bad.log"), runtime, START))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("HAProxy exited with")
        .hasMessageContaining("nonsense");
  }

  private void bindBothReady() {
    balancer.bind(STABLE, stable.getAddress().getPort());
    balancer.bind(CANARY, canary.getAddress().getPort());
    balancer.setState(STABLE, ServerAdminState.READY);
    balancer.setState(CANARY, ServerAdminState.READY);
  }

  private HaproxyProcess startHaproxy() {
    return HaproxyProcess.start(
        binary, dir.resolve("haproxy.cfg"), dir.resolve("haproxy.log"), runtime, START);
  }

  /** Answers per body: "stable", "canary", or "HTTP nnn" for anything HAProxy answered itself. */
  private Map<String, Integer> send(int requests) throws IOException, InterruptedException {
    Map<String, Integer> answers = new TreeMap<>();
    URI uri = URI.create("http://127.0.0.1:" + config.frontendPort() + "/");
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      String key = response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
      answers.merge(key, 1, Integer::sum);
    }
    return answers;
  }

  private static Map<String, ServerState> byName(Iterable<ServerState> servers) {
    Map<String, ServerState> byName = new TreeMap<>();
    servers.forEach(s -> byName.put(s.server(), s));
    return byName;
  }

  private static HttpServer answering(String track) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = track.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          // The JDK server writes headers and body apart; on a kept-alive connection Nagle's
          // algorithm and delayed ACKs then cost 40 ms a request.
          exchange.getResponseHeaders().set("Connection", "close");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
