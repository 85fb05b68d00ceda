package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.discovery.DiscoveryService;
import dev.sextant.server.discovery.DriftMetrics;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.discovery.Refusal;
import dev.sextant.server.store.ApplyOutcome.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the V2 store fixture: a realistic store, written by the V2 code on H2 through the same
 * services the server runs ({@link DiscoveryService}, {@link DriftWatch}) so that every row and
 * event has the shape the release writes, dumped as portable SQL ({@link V2SqlDump}), with what
 * the V2 code reads back from it ({@link StoreSnapshot}). {@link V2FixtureLoadsTest} checks both.
 *
 * <p>Run it only while the store is at schema V2 (the fixture is what the V2 release wrote; once
 * V3 exists, regenerating would capture V3 instead):
 *
 * <pre>{@value #COMMAND}</pre>
 *
 * The clock is fixed and the agent keys are derived from fixed seeds (Ed25519 signatures are
 * deterministic), so regenerating gives the same files byte for byte.
 */
@EnabledIfSystemProperty(named = "sextant.writeV2Fixture", matches = "true")
class V2FixtureWriter {
  static final String COMMAND =
      "./mvnw -B -o -q test -pl sextant-server -am -Dtest=V2FixtureWriter"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.writeV2Fixture=true";

  private static final String TOKEN = "v2-fixture-agent-token";
  private static final String AGENT = "dgx-h100-07";
  private static final Duration STEP = Duration.ofSeconds(37).plusMillis(211);

  @TempDir Path dataDirectory;

  private final SettableClock clock =
      new SettableClock(Instant.parse("2026-11-20T09:05:00.125456789Z"));

  @Test
  void write_the_v2_store_fixture() throws Exception {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path repository = module.resolve("..").normalize();
    ObjectNode tree;
    try (ServerStores stores = Stores.h2All(dataDirectory, clock)) {
      write(stores, repository);
      tree = StoreSnapshot.of(stores);
    }
    String snapshot = StoreSnapshot.text(tree);

    // The fixture is what the V2 release wrote: once a V3 migration exists, keep the committed one.
    String written = JdbcUrls.h2(dataDirectory);
    assertThat(Flyway.configure().dataSource(written, null, null).load().info().current())
        .extracting(migration -> migration.getVersion().getVersion())
        .as("the schema version of the store the writer wrote; regenerate only at V2")
        .isEqualTo("2");
    List<String> statements;
    try (Connection connection = DriverManager.getConnection(written)) {
      statements = V2SqlDump.dump(connection);
      // The snapshot reads back every event and every drift report there is.
      long reports = 0;
      for (JsonNode environment : tree.get("driftReports")) {
        reports += environment.get("reports").size();
      }
      assertThat(count(connection, "events")).isEqualTo(tree.get("events").size());
      assertThat(count(connection, "drift_reports")).isEqualTo(reports);
    }

    // The fixture must read back as the store it was dumped from, before anything is written.
    Path copy = Files.createDirectories(dataDirectory.resolve("reloaded"));
    String url = JdbcUrls.h2(copy);
    V2Fixture.migrateToV2(url);
    V2Fixture.run(url, statements);
    try (ServerStores reloaded = Stores.h2All(copy, clock)) {
      assertThat(StoreSnapshot.text(StoreSnapshot.of(reloaded))).isEqualTo(snapshot);
    }

    Path out = Files.createDirectories(module.resolve("src/test/resources/upgrade"));
    List<String> lines = new ArrayList<>(header());
    lines.addAll(statements);
    Files.writeString(
        out.resolve("v2-store.sql"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("v2-store.expected.json"), snapshot, StandardCharsets.UTF_8);
  }

  /** The store's story: what a few days of a small installation leave behind. */
  private void write(ServerStores stores, Path repository) throws IOException {
    DriftWatch drift = new DriftWatch(stores, DriftMetrics.NONE);
    DiscoveryService discovery =
        new DiscoveryService(stores, AgentTokens.of(TOKEN), drift, clock);
    Optional<String> token = Optional.of(TOKEN);

    // Every example resource, applied by alice, in file order.
    List<Path> files;
    try (Stream<Path> walk = Files.walk(repository.resolve("examples"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String source = repository.relativize(file).toString();
      for (Resource resource : parse(source, Files.readString(file))) {
        assertThat(stores.resources().apply(resource, "alice").change()).isEqualTo(Change.CREATED);
        step();
      }
    }
    // checkout-web changed (revision 2, with a quote and characters beyond ASCII to escape);
    // payments-api applied again unchanged (no revision).
    Path checkout = repository.resolve("examples/services/checkout-web.yaml");
    String original = Files.readString(checkout);
    String changed =
        original.replaceFirst(
            "(?m)^  description: .*$",
            "  description: \"Bob's checkout — 3-D Secure for every card ✓ (€, 日本語, 🚀)\"");
    assertThat(changed).isNotEqualTo(original);
    for (Resource resource : parse("checkout-web.yaml", changed)) {
      assertThat(stores.resources().apply(resource, "bob@acme.example").change())
          .isEqualTo(Change.CONFIGURED);
    }
    step();
    Path payments = repository.resolve("examples/services/payments-api.yaml");
    for (Resource resource : parse("payments-api.yaml", Files.readString(payments))) {
      assertThat(stores.resources().apply(resource, "carol").change()).isEqualTo(Change.UNCHANGED);
    }
    step();

    // The prod-eu agent registers (created, then unchanged); a wrong token and an undeclared
    // environment are refused.
    KeyPair agentKeys = keys("v2 fixture: the key of agent " + AGENT);
    String publicKey = SigningKeys.encodePublic(agentKeys.getPublic());
    assertThat(discovery.register(token, AGENT, "prod-eu", publicKey).change())
        .isEqualTo(AgentOutcome.Change.REGISTERED);
    step();
    assertThat(discovery.register(token, AGENT, "prod-eu", publicKey).change())
        .isEqualTo(AgentOutcome.Change.UNCHANGED);
    step();
    assertThatThrownBy(
            () -> discovery.register(Optional.of("guessed"), "intruder", "prod-eu", publicKey))
        .isInstanceOf(Refusal.class);
    step();
    assertThatThrownBy(() -> discovery.register(token, "edge-01", "edge-lab", publicKey))
        .isInstanceOf(Refusal.class);
    step();

    // prod-eu: the agent reports the H100 host (revision 1, matching what prod-eu declares),
    // alice accepts it as the last known good.
    FingerprintSigner signer = new FingerprintSigner(agentKeys);
    Fingerprint h100 = fingerprint(repository, "h100.yaml");
    assertThat(discovery.report(token, AGENT, report(signer, h100)).revision().number())
        .isEqualTo(1);
    step();
    discovery.accept("prod-eu", Optional.empty(), "alice");
    step();

    // Refused reports: signed by a key that is not the agent's, and sent with a wrong token.
    Fingerprint upgraded = fingerprint(repository, "h100-new-driver.yaml");
    FingerprintSigner rogue = new FingerprintSigner(keys("v2 fixture: a key nobody registered"));
    assertThatThrownBy(() -> discovery.report(token, AGENT, report(rogue, upgraded)))
        .isInstanceOf(Refusal.class);
    step();
    assertThatThrownBy(
            () -> discovery.report(Optional.of("stale-token"), AGENT, report(signer, upgraded)))
        .isInstanceOf(Refusal.class);
    step();

    // Two days later the driver was upgraded: revision 2 drifts from the declaration and from
    // the last known good, and prod-eu (drift: block) is blocked. The same facts collected an
    // hour later add no revision.
    clock.advance(Duration.ofDays(2));
    assertThat(discovery.report(token, AGENT, report(signer, upgraded)).revision().number())
        .isEqualTo(2);
    step();
    Fingerprint later =
        upgraded.collectedAt(upgraded.collectedAt().orElseThrow().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));
    assertThat(discovery.report(token, AGENT, report(signer, later)).recorded()).isFalse();
    step();

    // prod-us: an operator records the T4 node from a file (unsigned, revision 1, no drift);
    // the node is seen with a newer driver (revision 2, drift: alert), then back as it was
    // (revision 3, the drift resolved). prod-us has no last known good.
    Fingerprint t4 = fingerprint(repository, "t4.yaml");
    assertThat(discovery.record("prod-us", t4, "file").revision().number()).isEqualTo(1);
    step();
    Fingerprint t4Upgraded = t4.with("gpu.driver.version", new Fact.Version("550.54.15"));
    assertThat(
            discovery.record("prod-us", t4Upgraded, "kubernetes:ip-10-0-3-17").revision().number())
        .isEqualTo(2);
    step();
    assertThat(discovery.record("prod-us", t4, "file").revision().number()).isEqualTo(3);
    step();

    // The rollout engine accepts prod-eu's revision 2: the last-known-good drift resolves, the
    // declared drift (and the block) stays.
    discovery.accept("prod-eu", Optional.of(2L), "rollout");
    step();
    agentTouchedAndBlocked(stores);
  }

  private static void agentTouchedAndBlocked(ServerStores stores) {
    Agent agent = stores.agents().find(AGENT).orElseThrow();
    assertThat(agent.lastSeenAt()).isAfter(agent.registeredAt());
    assertThat(stores.driftReports().blocked("prod-eu")).isTrue();
    assertThat(stores.driftReports().blocked("prod-us")).isFalse();
    List<String> types =
        stores.events().list(EventQuery.last(1000)).stream()
            .map(e -> e.event().type())
            .distinct()
            .sorted()
            .toList();
    assertThat(types)
        .containsExactly(
            "agent.refused",
            "agent.registered",
            "drift.detected",
            "drift.resolved",
            "fingerprint.accepted",
            "fingerprint.recorded",
            "fingerprint.rejected");
  }

  private void step() {
    clock.advance(STEP);
  }

  private static List<Resource> parse(String source, String yaml) {
    ParseReport report = new ResourceParser().parse(source, yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(report.problems()).as(source).isEmpty();
    return report.resources();
  }

  private static Fingerprint fingerprint(Path repository, String file) throws IOException {
    Path path = repository.resolve("fingerprints").resolve(file);
    return FingerprintFiles.parse(file, Files.readAllBytes(path));
  }

  /** The body an agent sends: the fingerprint, signed, as JSON. */
  private static byte[] report(FingerprintSigner signer, Fingerprint fingerprint) {
    return FingerprintFiles.json(signer.sign(fingerprint)).getBytes(StandardCharsets.UTF_8);
  }

  /** An Ed25519 key pair whose private key is the sha256 of the seed: the same on every run. */
  private static KeyPair keys(String seed) {
    Digest digest = Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
    byte[] secret = HexFormat.of().parseHex(digest.hex());
    SecureRandom fixed =
        new SecureRandom() {
          private int next;

          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = secret[next++ % secret.length];
            }
          }
        };
    return SigningKeys.generate(fixed);
  }

  private static long count(Connection connection, String table) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> header() {
    return List.of(
        "-- A Sextant store at schema V2 (db/migration V1 and V2), as the V2 release writes it.",
        "-- Load it into a database that Flyway migrated to version 2 and no further, then",
        "-- migrate: what the V2 code read back from it is v2-store.expected.json, next to it.",
        "-- Generated by V2FixtureWriter (sextant-server tests) at schema V2; do not edit:",
        "--   " + COMMAND,
        "-- Portable SQL that H2 2.x and PostgreSQL both run: one statement a line, times as",
        "-- TIMESTAMP WITH TIME ZONE literals in UTC, text in single quotes with quotes doubled,",
        "-- rows in foreign-key order; flyway_schema_history is not part of it.",
        "");
  }
}
