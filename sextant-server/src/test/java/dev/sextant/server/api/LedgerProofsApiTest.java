package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.LedgerConsistencyProof;
import dev.sextant.api.LedgerHead;
import dev.sextant.api.LedgerInclusionProof;
import dev.sextant.api.ProblemKind;
import dev.sextant.api.SextantClient;
import dev.sextant.core.ledger.ProofVerifier;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inclusion and consistency proofs through the real API, checked with the core's verifier. */
class LedgerProofsApiTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path home;
  private Database database;
  private Services services;
  private ApiServer server;
  private SextantClient api;

  @BeforeEach
  void start() {
    database = Database.h2(home.resolve("store"), Clock.systemUTC());
    LedgerKey key = LedgerKey.loadOrCreate(home.resolve(LedgerKey.FILE_NAME), new SecureRandom());
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
  void every_entry_has_a_proof_that_leads_to_the_latest_signed_head() {
    grow(3);
    LedgerHead head = api.publishLedgerHead();

    for (long sequence = 1; sequence <= head.treeSize(); sequence++) {
      LedgerInclusionProof proof =
          api.ledgerInclusionProof(sequence, Optional.empty()).orElseThrow();

      assertThat(proof.treeSize()).isEqualTo(head.treeSize());
      assertThat(proof.leafIndex()).isEqualTo(sequence - 1);
      assertThat(proof.head()).contains(head);
      assertThat(proof.rootHash()).isEqualTo(head.rootHash());
      assertThat(
              ProofVerifier.inclusion(
                      proof.leafIndex(),
                      proof.treeSize(),
                      HEX.parseHex(proof.leafHash()),
                      proof.auditPath().stream().map(HEX::parseHex).toList(),
                      HEX.parseHex(head.rootHash()))
                  .valid())
          .as("entry %d", sequence)
          .isTrue();
      assertThat(proof.leafHash())
          .isEqualTo(api.ledgerLog(sequence - 1, 1).items().get(0).leafHash());
    }
  }

  @Test
  void a_proof_against_a_size_with_no_head_gives_its_root_and_no_head() {
    grow(3);
    LedgerHead head = api.publishLedgerHead();

    LedgerInclusionProof proof =
        api.ledgerInclusionProof(2, Optional.of(head.treeSize() - 1)).orElseThrow();

    assertThat(proof.head()).isEmpty();
    assertThat(proof.rootHash()).isNotEqualTo(head.rootHash());
    assertThat(
            ProofVerifier.inclusion(
                    1,
                    head.treeSize() - 1,
                    HEX.parseHex(proof.leafHash()),
                    proof.auditPath().stream().map(HEX::parseHex).toList(),
                    HEX.parseHex(proof.rootHash()))
                .valid())
        .isTrue();
  }

  @Test
  void a_consistency_proof_shows_an_older_head_is_a_prefix_of_a_newer_one() {
    grow(2);
    LedgerHead older = api.publishLedgerHead();
    grow(3);
    LedgerHead newer = api.publishLedgerHead();

    LedgerConsistencyProof proof = api.ledgerConsistencyProof(older.treeSize(), newer.treeSize());

    assertThat(proof.fromHead()).contains(older);
    assertThat(proof.toHead()).contains(newer);
    assertThat(proof.fromRoot()).isEqualTo(older.rootHash());
    assertThat(proof.toRoot()).isEqualTo(newer.rootHash());
    assertThat(
            ProofVerifier.consistency(
                    older.treeSize(),
                    newer.treeSize(),
                    HEX.parseHex(older.rootHash()),
                    HEX.parseHex(newer.rootHash()),
                    proof.path().stream().map(HEX::parseHex).toList())
                .valid())
        .isTrue();
  }

  @Test
  void parameters_outside_the_ledger_are_a_400_that_says_the_valid_range() {
    grow(2);
    LedgerHead head = api.publishLedgerHead();
    long size = head.treeSize();
    grow(1);
    long grown = api.ledgerLog(0, 1000).items().size();

    assertInvalid(
        () -> api.ledgerInclusionProof(grown + 1, Optional.empty()), "from 1 to " + grown);
    assertInvalid(
        () -> api.ledgerInclusionProof(grown, Optional.empty()),
        "not under the latest signed head, of size " + size);
    assertInvalid(
        () -> api.ledgerInclusionProof(3, Optional.of(2L)),
        "treeSize must be from 3 (the sequence)");
    assertInvalid(() -> api.ledgerInclusionProof(0, Optional.empty()), "from 1 to");
    assertInvalid(() -> api.ledgerConsistencyProof(3, 2), "from must be from 1 to 2");
    assertInvalid(() -> api.ledgerConsistencyProof(1, grown + 1), "to must be from 1 to " + grown);
    assertThatThrownBy(
            () ->
                new ApiClient(
                        URI.create("http://127.0.0.1:" + server.port()), Optional.of(Admin.TOKEN))
                    .get("api/v1/ledger/proofs/inclusion?treeSize=2"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400))
        .hasMessageContaining("query parameter sequence is missing");
  }

  @Test
  void without_a_head_the_default_proof_is_not_found() {
    grow(1);

    assertThat(api.ledgerInclusionProof(1, Optional.empty())).isEmpty();
    assertThat(api.ledgerInclusionProof(1, Optional.of(1L))).isPresent();
  }

  @Test
  void a_gap_in_the_stored_leaves_is_named_and_no_proof_is_given() {
    grow(3);
    api.publishLedgerHead();
    Jdbi.create(database.dataSource())
        .useHandle(h -> h.execute("delete from ledger_leaves where sequence_number = 2"));

    assertThatThrownBy(() -> api.ledgerInclusionProof(1, Optional.of(3L)))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(409))
        .hasMessageContaining("the leaf of entry 2 is missing");
  }

  private void grow(int applies) {
    for (int i = 0; i < applies; i++) {
      services
          .resources()
          .apply(List.of(Lab.declaring("arch-" + i + "-" + System.nanoTime())), "alice");
    }
  }

  private static void assertInvalid(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.kind()).isEqualTo(ProblemKind.INVALID);
            })
        .hasMessageContaining(message);
  }
}
