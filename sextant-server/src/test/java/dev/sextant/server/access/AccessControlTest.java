package dev.sextant.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, identities and grants on a real store, with the time driven here. */
class AccessControlTest {
  private static final String FIRST = "sxt_access-control-test-first";
  private static final Principal ROOT = Principal.local("root");

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private Database database;
  private AccessControl access;

  @BeforeEach
  void open() {
    database = Database.h2(home, clock);
    access = new AccessControl(database, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void the_first_admin_is_made_once_and_holds_admin_on_every_environment() {
    assertThat(access.bootstrap(Optional.of(FIRST))).contains(FIRST);
    assertThat(access.bootstrap(Optional.empty())).isEmpty();

    Principal admin = access.authenticate(Optional.of(FIRST));
    assertThat(admin.name()).isEqualTo("admin");
    assertThat(admin.grants().permitsEverywhere(Permission.ADMINISTER)).isTrue();
    assertThatThrownBy(() -> access.bootstrap(Optional.of("short")))
        .hasMessageContaining("at least 16 characters");
  }

  @Test
  void a_token_works_until_it_expires_or_is_revoked_and_its_text_is_never_stored() {
    access.bootstrap(Optional.of(FIRST));
    IssuedToken token =
        access.createToken(
            ROOT,
            "ci",
            Optional.of(Identity.Kind.SERVICE_ACCOUNT),
            Optional.of(Duration.ofHours(1)),
            "pipeline");

    assertThat(token.text()).startsWith("sxt_").hasSize(4 + 43);
    assertThat(token.toString()).doesNotContain(token.text());
    assertThat(access.authenticate(Optional.of(token.text())).identity())
        .isEqualTo(new Identity("ci", Identity.Kind.SERVICE_ACCOUNT));
    Instant expires =
        database.read(
            "read the token", tx -> tx.access().tokens(Optional.of("ci")).get(0).expires().get());
    assertThat(expires).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));

    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> access.authenticate(Optional.of(token.text())))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHORIZED))
        .hasMessageContaining("expired")
        .hasMessageNotContaining(token.text());

    IssuedToken second =
        access.createToken(ROOT, "ci", Optional.empty(), Optional.empty(), "no expiry");
    access.revokeToken(ROOT, second.stored().id());
    assertThatThrownBy(() -> access.authenticate(Optional.of(second.text())))
        .hasMessageContaining("was revoked");
    assertThat(access.revokeToken(ROOT, second.stored().id()).revoked()).isPresent();
  }

  @Test
  void refusals_name_what_is_wrong() {
    access.bootstrap(Optional.of(FIRST));
    access.createToken(ROOT, "alice", Optional.empty(), Optional.empty(), "");

    assertThatThrownBy(() -> access.authenticate(Optional.empty()))
        .hasMessageContaining("needs an API token");
    assertThatThrownBy(() -> access.authenticate(Optional.of("sxt_guess")))
        .hasMessageContaining("not known");
    assertThatThrownBy(
            () ->
                access.createToken(
                    ROOT,
                    "alice",
                    Optional.of(Identity.Kind.SERVICE_ACCOUNT),
                    Optional.empty(),
                    ""))
        .hasMessageContaining("alice is a user, not a service-account");
    assertThatThrownBy(
            () ->
                access.createToken(
                    ROOT, "bob", Optional.empty(), Optional.of(Duration.ofSeconds(5)), ""))
        .hasMessageContaining("at least 1 minute");
    assertThatThrownBy(
            () -> access.grant(ROOT, "nobody", new Grant(Role.VIEWER, LabelSelector.EVERYTHING)))
        .hasMessageContaining("no identity nobody");
  }

  @Test
  void only_an_admin_of_every_environment_manages_tokens_and_roles() {
    access.bootstrap(Optional.of(FIRST));
    IssuedToken scoped = access.createToken(ROOT, "sam", Optional.empty(), Optional.empty(), "");
    access.grant(ROOT, "sam", new Grant(Role.ADMIN, LabelSelector.parse("tier=staging")));
    Principal sam = access.authenticate(Optional.of(scoped.text()));

    assertThat(sam.grants().permits(Permission.ADMINISTER, Map.of("tier", "staging"))).isTrue();
    assertThatThrownBy(() -> access.createToken(sam, "eve", Optional.empty(), Optional.empty(), ""))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN))
        .hasMessageContaining("on every environment");
    assertThatThrownBy(
            () -> access.grant(sam, "sam", new Grant(Role.ADMIN, LabelSelector.EVERYTHING)))
        .isInstanceOf(AccessRefusal.class);
  }

  @Test
  void the_last_admin_of_every_environment_stays_and_a_lost_token_is_replaced() {
    access.bootstrap(Optional.of(FIRST));
    Grant everything = new Grant(Role.ADMIN, LabelSelector.EVERYTHING);

    assertThatThrownBy(() -> access.revokeGrant(ROOT, "admin", everything))
        .isInstanceOfSatisfying(
            AccessRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT))
        .hasMessageContaining("the last grant of admin on every environment");

    access.createToken(ROOT, "ada", Optional.empty(), Optional.empty(), "");
    access.grant(ROOT, "ada", everything);
    assertThat(access.revokeGrant(ROOT, "admin", everything)).isTrue();
    assertThat(access.authenticate(Optional.of(FIRST)).grants().all()).isEmpty();

    String recovered = access.recoverAdmin(Optional.empty());
    Principal admin = access.authenticate(Optional.of(recovered));
    assertThat(admin.name()).isEqualTo("admin");
    assertThat(admin.grants().permitsEverywhere(Permission.ADMINISTER)).isTrue();
    assertThat(access.authenticate(Optional.of(FIRST)).name()).isEqualTo("admin");
  }
}
