package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.agent.report.Reporter;
import dev.sextant.agent.report.ServerClient;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent reports when its facts change, and otherwise once per interval; time is driven here.
 */
class ReporterTest {
  @TempDir Path home;
  private SextantServer server;

  @BeforeEach
  void start() {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home))
                .withAgentToken("t")
                .withFirstAdminToken("sxt_reporter-test-admin"));
    assertThat(
            Cli.withHome(home.resolve("cli"))
                .withEnv("SEXTANT_TOKEN", "sxt_reporter-test-admin")
                .run(
                    "apply",
                    "-f",
                    ValidateCommandTest.EXAMPLES.resolve("environments/dev.yaml").toString(),
                    "--server",
                    url())
                .code())
        .isZero();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void reports_on_change_at_once_and_otherwise_once_per_interval() {
    KeyPair keys = SigningKeys.generate(new SecureRandom());
    ServerClient client = new ServerClient(URI.create(url()), "t");
    client.register("host-a", "dev", SigningKeys.encodePublic(keys.getPublic()));
    AtomicReference<String> kernel = new AtomicReference<>("6.1.0");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    List<String> log = new ArrayList<>();
    Reporter reporter =
        new Reporter(
            () -> Fingerprint.of(Map.of("kernel.version", new Fact.Version(kernel.get()))),
            new FingerprintSigner(keys),
            client,
            "host-a",
            "dev",
            Duration.ofMinutes(5),
            clock,
            log::add);

    assertThat(reporter.tick()).as("first tick").isTrue();
    clock.advance(Duration.ofSeconds(30));
    assertThat(reporter.tick()).as("nothing changed, interval not over").isFalse();
    kernel.set("6.1.1");
    assertThat(reporter.tick()).as("a changed fact is reported at once").isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(reporter.tick()).as("the interval is over: a heartbeat report").isTrue();

    assertThat(log).hasSize(3);
    assertThat(log.get(2)).contains("revision 2 unchanged");
    assertThat(server.services().discovery().history("dev")).hasSize(2);
  }

  private String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
