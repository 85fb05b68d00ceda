package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant audit} through the root command against a real server and its store. */
class AuditCommandTest {
  private static final String ADMIN = "sxt_audit-commands-test-admin";
  private static final String LAB =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: sample
      spec:
        owner: team-tests
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
  void an_untouched_ledger_verifies_and_its_head_is_shown() {
    Cli.Result signed = admin.store("audit", "head", "--sign", "-o", "json");
    Cli.Result shown = admin.store("audit", "head");
    Cli.Result verified = admin.store("audit", "verify");

    assertThat(signed.code()).as(signed.toString()).isZero();
    assertThat(signed.out()).contains("\"treeSize\"", "\"signature\"");
    assertThat(shown.code()).as(shown.toString()).isZero();
    assertThat(shown.out()).contains("SIZE", "ROOT");
    assertThat(verified.code()).as(verified.toString()).isZero();
    assertThat(verified.out()).contains("the ledger verifies");
  }

  @Test
  void replaying_an_unknown_or_malformed_rollout_is_refused_cleanly() {
    Cli.Result unknown = admin.store("audit", "replay", "--rollout", "ro-0123456789");
    Cli.Result malformed = admin.store("audit", "replay", "--rollout", "plan-1");
    Cli.Result missing = admin.store("audit", "replay");

    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unknown.err()).contains("ro-0123456789").doesNotContain("\tat ");
    assertThat(malformed.code()).as(malformed.toString()).isNotZero();
    assertThat(malformed.err()).contains("ro-1a2b3c4d5e").doesNotContain("\tat ");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("--rollout");
  }

  @Test
  void the_log_lists_entries_with_their_leaf_hashes() {
    Cli.Result log = admin.store("audit", "log");
    Cli.Result page = admin.store("audit", "log", "--after", "1", "--limit", "1", "-o", "json");

    assertThat(log.code()).as(log.toString()).isZero();
    assertThat(log.out())
        .contains("SEQUENCE", "ACTOR", "LEAF", "service/sample")
        .containsPattern("[0-9a-f]{64}");
    assertThat(page.code()).as(page.toString()).isZero();
    assertThat(page.out()).contains("\"sequence\" : 2").doesNotContain("\"sequence\" : 1,");
  }

  @Test
  void an_event_edited_with_sql_fails_the_verification_naming_its_sequence() {
    assertThat(admin.store("audit", "head", "--sign").code()).isZero();

    Jdbi.create(server.services().database().dataSource())
        .useHandle(
            h -> h.execute("update events set outcome = 'forged' where sequence_number = 1"));
    Cli.Result verified = admin.store("audit", "verify");

    assertThat(verified.code()).as(verified.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(verified.out()).contains("does NOT verify", "first bad entry 1 (edited)");
  }
}
