package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ApiProblem;
import dev.sextant.api.LedgerCheck;
import dev.sextant.api.LedgerHead;
import dev.sextant.api.LedgerLog;
import dev.sextant.api.LedgerLogItem;
import dev.sextant.api.ProblemKind;
import dev.sextant.api.SextantClient;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger through the real API: heads signed on demand, and verification after tampering. */
class LedgerApiTest {
  @TempDir Path home;
  private Database database;
  private Services services;
  private ApiServer server;
  private SextantClient api;
  private LedgerKey key;

  @BeforeEach
  void start() {
    database = Database.h2(home.resolve("store"), Clock.systemUTC());
    key = LedgerKey.loadOrCreate(home.resolve(LedgerKey.FILE_NAME), new SecureRandom());
    services =
        Services.on(database, AgentTokens.of("lab-token"), Clock.systemUTC())
            .ledgerWith(Ledger.signedWith(database, key));
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = new SextantClient(Admin.client(database, server.port()));
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  @Test
  void a_head_is_signed_once_per_growth_and_the_ledger_verifies() {
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    assertThat(api.ledgerHead()).isEmpty();

    LedgerHead signed = api.publishLedgerHead();
    LedgerHead again = api.publishLedgerHead();
    LedgerCheck check = api.verifyLedger();

    assertThat(signed.treeSize()).isPositive();
    assertThat(signed.keyId()).isEqualTo(key.id());
    assertThat(again).isEqualTo(signed);
    assertThat(api.ledgerHead()).contains(signed);
    assertThat(check.verified()).isTrue();
    assertThat(check.entries()).isEqualTo(signed.treeSize());
    assertThat(check.heads()).isEqualTo(1);
    assertThat(check.firstBadSequence()).isEmpty();
  }

  @Test
  void the_log_lists_each_leaf_with_its_event_and_pages_by_sequence() {
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    services.resources().apply(List.of(Lab.declaring("aarch64")), "alice");

    LedgerLog first = api.ledgerLog(0, 1);
    LedgerLog rest = api.ledgerLog(1, 100);

    assertThat(first.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.sequence()).isEqualTo(1);
              assertThat(item.type()).isPresent();
              assertThat(item.subject()).isPresent();
              assertThat(item.leafHash()).matches("[0-9a-f]{64}");
            });
    assertThat(rest.items()).extracting(LedgerLogItem::sequence).startsWith(2L).doesNotContain(1L);
  }

  @Test
  void an_event_edited_with_sql_is_named_by_the_verification() {
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    api.publishLedgerHead();

    Jdbi.create(database.dataSource())
        .useHandle(
            h -> h.execute("update events set outcome = 'forged' where sequence_number = 1"));
    LedgerCheck check = api.verifyLedger();

    assertThat(check.verified()).isFalse();
    assertThat(check.firstBadSequence()).contains(1L);
    assertThat(check.problem()).contains("edited");
    assertThat(check.explanation()).hasValueSatisfying(e -> assertThat(e).contains("event 1"));
  }

  @Test
  void services_without_a_ledger_key_answer_unavailable_not_an_internal_error() {
    server.close();
    services.close();
    database = Database.h2(home.resolve("keyless"), Clock.systemUTC());
    services = Services.on(database, AgentTokens.of("lab-token"), Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    SextantClient keyless = new SextantClient(Admin.client(database, server.port()));

    assertThatThrownBy(keyless::verifyLedger)
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.kind()).isEqualTo(ProblemKind.UNAVAILABLE))
        .hasMessageContaining("no ledger key");
  }
}
