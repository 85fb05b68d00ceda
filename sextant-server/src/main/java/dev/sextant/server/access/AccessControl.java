package dev.sextant.server.access;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Grants;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.server.store.AccessDenied;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.Event;
import dev.sextant.server.store.RoleChanged;
import dev.sextant.server.store.StoredGrant;
import dev.sextant.server.store.StoredToken;
import dev.sextant.server.store.TokenCreated;
import dev.sextant.server.store.TokenRevoked;
import dev.sextant.server.store.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens, identities and grants over the store, and the one place a presented token becomes a
 * {@link Principal}. Every change writes its event in the same unit of work; a refused request
 * writes {@code access.denied} through {@link #denied}.
 */
public final class AccessControl {
  /** The identity the first token belongs to. */
  public static final String FIRST_ADMIN = "admin";

  /** How long a token works when its maker does not say. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

  private final Database database;
  private final Clock clock;

  public AccessControl(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes the first admin, once: in a store without identities, {@value #FIRST_ADMIN} with the
   * admin role on every environment and a token that does not expire.
   *
   * @param given the token to use, for automation; a new random one when empty
   * @return the token's text when this call made the first admin; empty when the store had
   *     identities already (then {@code given} is not used)
   */
  public Optional<String> bootstrap(Optional<String> given) {
    String text = given.filter(t -> !t.isBlank()).map(String::strip).orElseGet(TokenText::create);
    if (text.length() < 16) {
      throw new IllegalArgumentException(
          "the first admin token must be at least 16 characters long");
    }
    return database.write(
        "create the first admin",
        tx -> {
          if (tx.access().anyIdentity()) {
            return Optional.<String>empty();
          }
          Identity admin = new Identity(FIRST_ADMIN, Identity.Kind.USER);
          tx.access().addIdentity(admin, Event.SYSTEM);
          StoredToken token =
              tx.access()
                  .addToken(
                      TokenText.newId(),
                      admin.name(),
                      TokenText.hash(text),
                      "the first admin token, made with the store",
                      Optional.empty(),
                      Event.SYSTEM);
          Grant everything = new Grant(Role.ADMIN, LabelSelector.EVERYTHING);
          tx.access().grant(admin.name(), everything, Event.SYSTEM);
          tx.events()
              .append(
                  new TokenCreated(token.id(), admin.name(), true, Optional.empty(), Event.SYSTEM));
          tx.events()
              .append(new RoleChanged(admin.name(), Role.ADMIN.label(), "", true, Event.SYSTEM));
          return Optional.of(text);
        });
  }

  /**
   * A new token for {@value #FIRST_ADMIN}, who holds the admin role on every environment again: for
   * when the admin's token is lost. Only whoever can open the store (start a server on it) may do
   * this, so it takes no caller.
   *
   * @param given the token to use; a new random one when empty
   * @return the token's text
   */
  public String recoverAdmin(Optional<String> given) {
    String text = given.filter(t -> !t.isBlank()).map(String::strip).orElseGet(TokenText::create);
    if (text.length() < 16) {
      throw new IllegalArgumentException("an admin token must be at least 16 characters long");
    }
    return database.write(
        "make a new token for " + FIRST_ADMIN,
        tx -> {
          boolean newIdentity = tx.access().identity(FIRST_ADMIN).isEmpty();
          if (newIdentity) {
            tx.access().addIdentity(new Identity(FIRST_ADMIN, Identity.Kind.USER), Event.SYSTEM);
          }
          StoredToken token =
              tx.access()
                  .addToken(
                      TokenText.newId(),
                      FIRST_ADMIN,
                      TokenText.hash(text),
                      "a new admin token, made by whoever holds the store",
                      Optional.empty(),
                      Event.SYSTEM);
          tx.events()
              .append(
                  new TokenCreated(
                      token.id(), FIRST_ADMIN, newIdentity, Optional.empty(), Event.SYSTEM));
          Grant everything = new Grant(Role.ADMIN, LabelSelector.EVERYTHING);
          if (tx.access().grant(FIRST_ADMIN, everything, Event.SYSTEM)) {
            tx.events()
                .append(new RoleChanged(FIRST_ADMIN, Role.ADMIN.label(), "", true, Event.SYSTEM));
          }
          return text;
        });
  }

  /**
   * Who presents this token.
   *
   * @throws AccessRefusal unauthenticated when there is none, or it is unknown, revoked or expired;
   *     the message says which, never the token
   */
  public Principal authenticate(Optional<String> bearer) {
    if (bearer.isEmpty() || bearer.get().isBlank()) {
      throw AccessRefusal.unauthenticated(
          "this request needs an API token: send Authorization: Bearer <token> (the CLI reads"
              + " SEXTANT_TOKEN, or $SEXTANT_HOME/admin.token for its own server)");
    }
    String hash = TokenText.hash(bearer.get());
    return database.read(
        "authenticate",
        tx -> {
          StoredToken token =
              tx.access()
                  .tokenByHash(hash)
                  .orElseThrow(
                      () -> AccessRefusal.unauthenticated("the API token is not known here"));
          if (token.revoked().isPresent()) {
            throw AccessRefusal.unauthenticated("API token " + token.id() + " was revoked");
          }
          if (!token.inForce(tx.now())) {
            throw AccessRefusal.unauthenticated(
                "API token " + token.id() + " expired at " + token.expires().orElseThrow());
          }
          Identity identity =
              tx.access()
                  .identity(token.identity())
                  .orElseThrow(
                      () -> AccessRefusal.unauthenticated("the API token's identity is gone"));
          return new Principal(identity, grantsOf(tx, identity.name()));
        });
  }

  /**
   * Makes a token for an identity, and the identity when it is new.
   *
   * @param kind the identity's kind; empty to keep an existing one's, or {@code user} for a new one
   * @param validFor how long it works; empty for a token that does not expire
   * @throws AccessRefusal forbidden unless {@code by} administers every environment; conflict when
   *     the identity exists with another kind
   */
  public IssuedToken createToken(
      Principal by,
      String identity,
      Optional<Identity.Kind> kind,
      Optional<Duration> validFor,
      String description) {
    by.requireEverywhere(Permission.ADMINISTER);
    Identity.requireName(identity);
    validFor.ifPresent(
        d -> {
          if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new AccessRefusal(
                ProblemKind.INVALID, "a token must work for at least 1 minute, not " + d);
          }
        });
    String text = TokenText.create();
    StoredToken stored =
        database.write(
            "create a token for " + identity,
            tx -> {
              Optional<Identity> existing = tx.access().identity(identity);
              if (existing.isPresent() && kind.isPresent() && existing.get().kind() != kind.get()) {
                throw new AccessRefusal(
                    ProblemKind.CONFLICT,
                    identity
                        + " is a "
                        + existing.get().kind().label()
                        + ", not a "
                        + kind.get().label());
              }
              if (existing.isEmpty()) {
                tx.access()
                    .addIdentity(
                        new Identity(identity, kind.orElse(Identity.Kind.USER)), by.name());
              }
              Optional<Instant> expires = validFor.map(d -> tx.now().plus(d));
              StoredToken token =
                  tx.access()
                      .addToken(
                          TokenText.newId(),
                          identity,
                          TokenText.hash(text),
                          description,
                          expires,
                          by.name());
              tx.events()
                  .append(
                      new TokenCreated(
                          token.id(), identity, existing.isEmpty(), token.expires(), by.name()));
              return token;
            });
    return new IssuedToken(stored, text);
  }

  /**
   * Every token, or one identity's, without their texts.
   *
   * @throws AccessRefusal forbidden unless {@code by} administers every environment
   */
  public List<StoredToken> tokens(Principal by, Optional<String> identity) {
    by.requireEverywhere(Permission.ADMINISTER);
    return database.read("list tokens", tx -> tx.access().tokens(identity));
  }

  /**
   * Revokes a token; revoking one revoked already changes nothing.
   *
   * @throws AccessRefusal forbidden unless {@code by} administers every environment; not found for
   *     an unknown id
   */
  public StoredToken revokeToken(Principal by, String id) {
    by.requireEverywhere(Permission.ADMINISTER);
    return database.write(
        "revoke token " + id,
        tx -> {
          StoredToken token =
              tx.access()
                  .token(id)
                  .orElseThrow(
                      () ->
                          new AccessRefusal(
                              ProblemKind.NOT_FOUND,
                              "no token " + id + "; 'sextant token list' shows them"));
          if (token.revoked().isPresent()) {
            return token;
          }
          tx.access().revokeToken(id, by.name());
          tx.events().append(new TokenRevoked(id, token.identity(), by.name()));
          return tx.access().token(id).orElseThrow();
        });
  }

  /**
   * Grants a role; granting one held already changes nothing.
   *
   * @return whether the grant is new
   * @throws AccessRefusal forbidden unless {@code by} administers every environment; not found for
   *     an unknown identity
   */
  public boolean grant(Principal by, String identity, Grant grant) {
    by.requireEverywhere(Permission.ADMINISTER);
    return database.write(
        "grant " + grant + " to " + identity,
        tx -> {
          requireIdentity(tx, identity);
          if (!tx.access().grant(identity, grant, by.name())) {
            return false;
          }
          tx.events()
              .append(
                  new RoleChanged(
                      identity,
                      grant.role().label(),
                      grant.environments().toString(),
                      true,
                      by.name()));
          return true;
        });
  }

  /**
   * Takes a grant back. The last grant of admin on every environment stays: without it no one could
   * grant anything again.
   *
   * @return whether there was such a grant
   * @throws AccessRefusal forbidden unless {@code by} administers every environment, and conflict
   *     for the last admin grant
   */
  public boolean revokeGrant(Principal by, String identity, Grant grant) {
    by.requireEverywhere(Permission.ADMINISTER);
    return database.write(
        "revoke " + grant + " from " + identity,
        tx -> {
          requireIdentity(tx, identity);
          boolean lastAdmin =
              grant.role() == Role.ADMIN
                  && grant.environments().selectsEverything()
                  && tx.access().grants(Optional.empty()).stream()
                          .filter(
                              g ->
                                  g.grant().role() == Role.ADMIN
                                      && g.grant().environments().selectsEverything())
                          .count()
                      == 1
                  && tx.access().grants(Optional.of(identity)).stream()
                      .anyMatch(g -> g.grant().equals(grant));
          if (lastAdmin) {
            throw new AccessRefusal(
                ProblemKind.CONFLICT,
                identity
                    + " holds the last grant of admin on every environment; grant it to another"
                    + " identity first, or no one could manage roles again");
          }
          if (!tx.access().revokeGrant(identity, grant)) {
            return false;
          }
          tx.events()
              .append(
                  new RoleChanged(
                      identity,
                      grant.role().label(),
                      grant.environments().toString(),
                      false,
                      by.name()));
          return true;
        });
  }

  /** Every grant, or one identity's: anyone who may read sees who may do what. */
  public List<StoredGrant> grants(Principal by, Optional<String> identity) {
    by.requireSomewhere(Permission.READ);
    return database.read("list grants", tx -> tx.access().grants(identity));
  }

  /** Records a refused request; the refusal itself is answered by the caller. */
  public void denied(AccessDenied denial) {
    database.write(
        "record a refused request",
        tx -> {
          tx.events().append(denial);
          return null;
        });
  }

  /** Now, by the clock the tokens' expiry is judged by. */
  public Instant now() {
    return clock.instant();
  }

  private static Grants grantsOf(Transaction tx, String identity) {
    return new Grants(
        tx.access().grants(Optional.of(identity)).stream().map(StoredGrant::grant).toList());
  }

  private static void requireIdentity(Transaction tx, String identity) {
    if (tx.access().identity(identity).isEmpty()) {
      throw new AccessRefusal(
          ProblemKind.NOT_FOUND,
          "no identity "
              + identity
              + "; 'sextant token create "
              + identity
              + "' makes one with its first token");
    }
  }
}
