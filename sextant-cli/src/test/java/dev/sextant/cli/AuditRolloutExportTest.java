package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence bundle of a real rollout: the sample service deployed by a real server's local
 * target, exported with {@code sextant audit export --rollout} and checked offline by {@code audit
 * verify --bundle} and by the independent Perl verifier.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuditRolloutExportTest {
  private static final String ADMIN = "sxt_audit-rollout-export-test-admin";
  private static final Pattern STARTED = Pattern.compile("rollout (ro-\\w+) started");
  private static final String LAB =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: dev
      spec:
        target:
          type: local
      ---
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: sample
      spec:
        owner: team-tests
      ---
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: straight
      spec:
        canary:
          steps:
            - promote: {}
      """;

  @TempDir Path home;
  @TempDir Path files;
  private SextantServer server;
  private Cli admin;

  @BeforeEach
  void start() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN));
    admin =
        Cli.withHome(home)
            .withEnv("SEXTANT_TOKEN", ADMIN)
            .withStoreArgs("--server", "http://127.0.0.1:" + server.port());
    Cli.Result applied =
        admin.store("apply", "-f", Files.writeString(files.resolve("lab.yaml"), LAB).toString());
    assertThat(applied.code()).as(applied.toString()).isZero();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_completed_rollouts_bundle_holds_its_story_and_verifies_offline() throws Exception {
    Path release =
        Files.writeString(
            files.resolve("v1.yaml"),
            SampleReleases.built().release("sample-v1", "1.0.0", "straight"));
    Cli.Result deployed =
        admin.store("deploy", "-f", release.toString(), "--environment", "dev", "--watch");
    assertThat(deployed.code()).as(deployed.toString()).isZero();
    Matcher matcher = STARTED.matcher(deployed.out());
    assertThat(matcher.find()).as(deployed.toString()).isTrue();
    String id = matcher.group(1);
    Path bundle = files.resolve(id + ".json");

    Cli.Result exported = admin.store("audit", "export", "--rollout", id, "-o", bundle.toString());
    Cli.Result verified =
        Cli.withHome(files)
            .run(
                "audit",
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                home.resolve("server").resolve("ledger.key.pub").toString());
    Process perl =
        new ProcessBuilder(
                "perl", Path.of("..", "scripts", "rfc6962-verify.pl").toString(), bundle.toString())
            .redirectErrorStream(true)
            .start();
    String perlOut = new String(perl.getInputStream().readAllBytes());

    assertThat(exported.code()).as(exported.toString()).isZero();
    assertThat(verified.code()).as(verified.toString()).isZero();
    assertThat(verified.out()).contains("entries of rollout " + id);
    assertThat(perl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(perl.exitValue()).as(perlOut).isZero();
    JsonNode json = new ObjectMapper().readTree(Files.readString(bundle));
    List<String> types = new ArrayList<>();
    json.path("entries").forEach(e -> types.add(e.path("entry").path("type").asText()));
    assertThat(types).contains("deployment.started", "rollout.moved");
    assertThat(json.path("entries"))
        .allSatisfy(
            e ->
                assertThat(e.path("entry").path("subject").asText())
                    .matches("rollout/" + id + "|plan/.+|service/dev/sample"));
  }
}
