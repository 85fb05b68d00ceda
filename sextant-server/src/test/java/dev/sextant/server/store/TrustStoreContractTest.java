package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Grants;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.trust.Evidence;
import dev.sextant.server.trust.TrustStore;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trust store over the real store; every test runs on H2 and on a real PostgreSQL. Each change
 * is in the outbox with its typed event; a refused change leaves no row and no event.
 */
class TrustStoreContractTest {
  private static final Principal ADMIN = Principal.local("root");
  private static final Principal VIEWER =
      new Principal(
          new Identity("vera", Identity.Kind.USER),
          new Grants(List.of(new Grant(Role.VIEWER, LabelSelector.EVERYTHING))));

  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T09:30:00Z"));
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  @StoreTest
  void a_key_is_trusted_once_and_trusting_it_again_changes_nothing(Db db) {
    TrustStore trust = new TrustStore(databases.open(db));
    KeyPair keys = Evidence.ed25519();

    TrustStore.Trusted first = trust.trust(ADMIN, Evidence.pem(keys), Optional.of("release CI"));
    TrustStore.Trusted again = trust.trust(ADMIN, Evidence.pem(keys), Optional.of("other"));

    assertThat(first.added()).isTrue();
    assertThat(first.key().id()).isEqualTo(Evidence.id(keys));
    assertThat(first.key().name()).isEqualTo("release CI");
    assertThat(first.key().algorithm()).isEqualTo("ed25519");
    assertThat(first.key().addedBy()).isEqualTo("root");
    assertThat(again.added()).isFalse();
    assertThat(again.key()).isEqualTo(first.key());
    assertThat(trust.trusted().ids()).containsExactly(Evidence.id(keys));
    assertThat(events(databases.open(db), KeyTrusted.TYPE))
        .containsExactly(new KeyTrusted(Evidence.id(keys), "release CI", "ed25519", "root"));
  }

  @StoreTest
  void a_p256_key_is_trusted_and_named_by_its_id_prefix_when_no_name_is_given(Db db) {
    TrustStore trust = new TrustStore(databases.open(db));
    KeyPair keys = Evidence.p256();

    StoredKey key = trust.trust(ADMIN, Evidence.pem(keys), Optional.empty()).key();

    assertThat(key.algorithm()).isEqualTo("ecdsa-p256");
    assertThat(key.name()).isEqualTo(Evidence.id(keys).substring(0, 16));
  }

  @StoreTest
  void a_revoked_key_stays_listed_is_no_longer_trusted_and_is_never_trusted_again(Db db) {
    Database database = databases.open(db);
    TrustStore trust = new TrustStore(database);
    KeyPair kept = Evidence.ed25519();
    KeyPair lost = Evidence.ed25519();
    trust.trust(ADMIN, Evidence.pem(kept), Optional.of("kept"));
    clock.advance(Duration.ofSeconds(1));
    trust.trust(ADMIN, Evidence.pem(lost), Optional.of("lost"));
    var before = trust.digest();

    StoredKey revoked = trust.revoke(ADMIN, Evidence.id(lost).substring(0, 8));
    StoredKey again = trust.revoke(ADMIN, Evidence.id(lost));

    assertThat(revoked.active()).isFalse();
    assertThat(revoked.revoked().orElseThrow().by()).isEqualTo("root");
    assertThat(again).isEqualTo(revoked);
    assertThat(trust.keys(ADMIN)).extracting(StoredKey::name).containsExactly("kept", "lost");
    assertThat(trust.trusted().ids()).containsExactly(Evidence.id(kept));
    assertThat(trust.digest()).isNotEqualTo(before);
    assertThat(events(database, KeyRevoked.TYPE))
        .containsExactly(new KeyRevoked(Evidence.id(lost), "lost", "root"));
    assertThatThrownBy(() -> trust.trust(ADMIN, Evidence.pem(lost), Optional.empty()))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT))
        .hasMessageContaining("was revoked");
  }

  @StoreTest
  void refused_changes_leave_no_row_and_no_event(Db db) {
    Database database = databases.open(db);
    TrustStore trust = new TrustStore(database);
    KeyPair keys = Evidence.ed25519();

    assertThatThrownBy(
            () -> trust.trust(ADMIN, "-----BEGIN PUBLIC KEY-----\nAAAA\n", Optional.empty()))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID))
        .hasMessageStartingWith("publicKey: expected a PEM public key");
    assertThatThrownBy(() -> trust.trust(VIEWER, Evidence.pem(keys), Optional.empty()))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN));
    assertThatThrownBy(() -> trust.revoke(ADMIN, "0123456789abcdef"))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    assertThatThrownBy(() -> trust.revoke(ADMIN, "abc"))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID));

    assertThat(trust.keys(ADMIN)).isEmpty();
    assertThat(trust.keys(VIEWER)).isEmpty();
    assertThat(events(database, KeyTrusted.TYPE)).isEmpty();
  }

  private static List<Event> events(Database database, String type) {
    return database.read(
        "read events",
        tx ->
            tx.events().list(new EventQuery(Optional.empty(), Optional.of(type), 100)).stream()
                .map(LoggedEvent::event)
                .toList());
  }
}
