package dev.sextant.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Services;
import dev.sextant.server.access.Principal;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import dev.sextant.server.store.PlanSubmitted;
import dev.sextant.server.store.SettableClock;
import dev.sextant.server.trust.Evidence;
import dev.sextant.server.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans made by the server under the example policy {@code prod-signed-resources}: signatures and
 * provenance are checked against the server's trust store, a refusal names the resource and the key
 * in the plan, and the plan's submission event carries it into the ledger.
 */
class SignedPlansTest {
  private static final Principal ROOT = Principal.local("root");
  private static final Path POLICY =
      Path.of("..", "evidence", "policies", "prod-signed-resources.yaml");

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T10:00:00Z"));
  private final KeyPair signer = Evidence.ed25519();
  private final KeyPair builder = Evidence.ed25519();
  private final KeyPair ecBuilder = Evidence.p256();
  private Services services;
  private TrustStore trust;

  @BeforeEach
  void open() throws IOException {
    Database database = Database.h2(home, clock);
    services = Services.on(database, AgentTokens.none(), clock);
    trust = new TrustStore(database);
    trust.trust(ROOT, Evidence.pem(signer), Optional.of("release managers"));
    trust.trust(ROOT, Evidence.pem(builder), Optional.of("CI builder"));
    trust.trust(ROOT, Evidence.pem(ecBuilder), Optional.of("CI builder (P-256)"));
    services
        .resources()
        .apply(
            List.of(
                Evidence.unsigned("service.yaml", Evidence.SERVICE),
                Evidence.signed("environment.yaml", Evidence.ENVIRONMENT, signer),
                Evidence.signed("policy.yaml", Files.readString(POLICY), signer)),
            "root");
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void a_signed_release_with_provenance_by_a_trusted_ed25519_key_is_compatible() {
    PlanView plan =
        submit(signedRelease(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, builder)));

    assertThat(plan.plan().verdict()).isEqualTo("compatible");
    assertThat(submitted().reason()).isEmpty();
  }

  @Test
  void provenance_signed_by_a_trusted_p256_key_is_compatible() {
    PlanView plan =
        submit(signedRelease(Evidence.p256Envelope(Evidence.ARTIFACT_DIGEST, ecBuilder)));

    assertThat(plan.plan().verdict()).isEqualTo("compatible");
  }

  @Test
  void provenance_by_an_untrusted_key_is_refused_and_the_refusal_is_in_the_plan_and_the_ledger() {
    KeyPair stranger = Evidence.ed25519();

    PlanView plan =
        submit(signedRelease(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, stranger)));

    assertThat(plan.plan().verdict()).isEqualTo("denied");
    assertThat(policyMessage(plan))
        .startsWith("release churn-2-4-0: provenance signature: ")
        .contains(Evidence.id(stranger));
    PlanSubmitted event = submitted();
    assertThat(event.verdict()).isEqualTo("denied");
    assertThat(event.reason())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("prod-signed-resources", Evidence.id(stranger)));
  }

  @Test
  void provenance_about_another_artifact_is_refused_naming_both_digests() {
    Digest other = Digest.sha256("another model".getBytes(StandardCharsets.UTF_8));

    PlanView plan = submit(signedRelease(Evidence.ed25519Envelope(other, builder)));

    assertThat(plan.plan().verdict()).isEqualTo("denied");
    assertThat(policyMessage(plan))
        .isEqualTo(
            "release churn-2-4-0: the statement is about "
                + other
                + ", not the artifact's "
                + Evidence.ARTIFACT_DIGEST);
  }

  @Test
  void provenance_by_a_revoked_key_is_refused() {
    trust.revoke(ROOT, Evidence.id(builder));

    PlanView plan =
        submit(signedRelease(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, builder)));

    assertThat(plan.plan().verdict()).isEqualTo("denied");
    assertThat(policyMessage(plan)).contains(Evidence.id(builder));
  }

  @Test
  void an_unsigned_release_is_refused_naming_it_in_the_plan_and_the_ledger() {
    PlanView plan =
        submit(
            Evidence.unsigned(
                "release.yaml",
                Evidence.release(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, builder))));

    assertThat(policyMessage(plan)).isEqualTo("release churn-2-4-0 is not signed");
    assertThat(submitted().reason())
        .hasValueSatisfying(r -> assertThat(r).contains("release churn-2-4-0 is not signed"));
  }

  @Test
  void a_signer_revoked_after_signing_makes_the_environment_refused_naming_its_key() {
    trust.revoke(ROOT, Evidence.id(signer).substring(0, 12));

    PlanView plan =
        submit(signedRelease(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, builder)));

    assertThat(policyMessage(plan))
        .isEqualTo(
            "release churn-2-4-0 is signed by key "
                + Evidence.id(signer)
                + ", which is not trusted");
  }

  private Input signedRelease(String envelope) {
    return Evidence.signed("release.yaml", Evidence.release(envelope), signer);
  }

  private PlanView submit(Input release) {
    services.resources().apply(List.of(release), "root");
    return services.plans().submit(ROOT, "churn-2-4-0", "prod-eu");
  }

  private static String policyMessage(PlanView plan) {
    for (var policy :
        plan.plan().document().path("releases").path(0).path("targets").path(0).path("policies")) {
      if (policy.path("name").asText().equals("prod-signed-resources")) {
        return policy.path("message").asText();
      }
    }
    throw new AssertionError("no outcome of prod-signed-resources in " + plan.plan().document());
  }

  private PlanSubmitted submitted() {
    List<LoggedEvent> events = services.events(EventQuery.last(100).ofType(PlanSubmitted.TYPE));
    return (PlanSubmitted) events.get(events.size() - 1).event();
  }
}
