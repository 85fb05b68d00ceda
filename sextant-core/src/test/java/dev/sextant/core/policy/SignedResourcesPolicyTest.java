package dev.sextant.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.Target;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.Verdict;
import dev.sextant.core.policy.PolicyOutcome.Status;
import dev.sextant.core.provenance.Dsse;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.signing.ResourceSigning;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example policy {@code prod-signed-resources} evaluated by the real planner: signatures on the
 * release, environment and policies, and the release's DSSE provenance, each checked against the
 * trusted keys the plan is given.
 */
class SignedResourcesPolicyTest {
  private static final Validators VALIDATORS = Validators.standard();
  private static final Path POLICY =
      Path.of("..", "evidence", "policies", "prod-signed-resources.yaml");
  private static final Path EXAMPLE =
      Path.of("..", "examples", "policies", "prod-verified-provenance.yaml");
  private static final byte[] ARTIFACT = "churn model weights".getBytes(StandardCharsets.UTF_8);
  private static final Digest ARTIFACT_DIGEST = Digest.sha256(ARTIFACT);
  private static final String BUILDER = "https://github.com/actions/runner/github-hosted";
  private static final String DATASET = "s3://acme-datasets/churn/2026-11-30";

  private final KeyPair signer = ed25519();
  private final String signerId = PublicKeys.id(signer.getPublic());
  private final KeyPair builder = ed25519();
  private final String builderId = PublicKeys.id(builder.getPublic());
  private final KeyPair ecBuilder = p256();
  private final TrustedKeys trusted =
      TrustedKeys.none()
          .trust(signer.getPublic())
          .trust(builder.getPublic())
          .trust(ecBuilder.getPublic());

  @Test
  void signed_resources_with_provenance_signed_by_a_trusted_ed25519_key_are_compatible_in_prod() {
    TargetPlan plan = plan(signed(release(ed25519Envelope(ARTIFACT_DIGEST))), trusted);

    assertThat(plan.verdict()).as(plan.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.policies()).allMatch(o -> o.status() == Status.HOLDS);
  }

  @Test
  void provenance_signed_by_a_trusted_p256_key_is_verified_too() {
    TargetPlan plan = plan(signed(release(p256Envelope(ARTIFACT_DIGEST))), trusted);

    assertThat(plan.verdict()).as(plan.reason()).isEqualTo(Verdict.COMPATIBLE);
  }

  @Test
  void policies_read_the_verified_builder_and_materials() {
    Resource reads =
        signed(
            policy(
                "builder-and-dataset",
                "release.provenance.verified && release.provenance.builderId == '"
                    + BUILDER
                    + "' && release.provenance.materials.exists(m, m.uri == '"
                    + DATASET
                    + "' && m.digest.sha256 == '"
                    + "a".repeat(64)
                    + "')"));

    TargetPlan plan =
        plan(signed(release(ed25519Envelope(ARTIFACT_DIGEST))), trusted, List.of(reads));

    assertThat(outcome(plan, "builder-and-dataset").status()).isEqualTo(Status.HOLDS);
  }

  @Test
  void provenance_signed_by_an_untrusted_key_is_refused_in_prod_naming_the_release_and_key() {
    KeyPair stranger = ed25519();
    String strangerId = PublicKeys.id(stranger.getPublic());
    String envelope =
        Dsse.sign(Dsse.IN_TOTO, statement(ARTIFACT_DIGEST), strangerId, stranger.getPrivate())
            .toJson();

    TargetPlan plan = plan(signed(release(envelope)), trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message())
        .startsWith("release churn-2-4-0: provenance signature: ")
        .contains(strangerId);
    assertThat(plan.reason()).contains("prod-signed-resources", strangerId);
  }

  @Test
  void provenance_about_another_artifact_is_refused_saying_both_digests() {
    Digest other = Digest.sha256("another model".getBytes(StandardCharsets.UTF_8));

    TargetPlan plan = plan(signed(release(ed25519Envelope(other))), trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message())
        .isEqualTo(
            "release churn-2-4-0: the statement is about "
                + other
                + ", not the artifact's "
                + ARTIFACT_DIGEST);
  }

  @Test
  void provenance_by_a_key_no_longer_trusted_is_refused() {
    TrustedKeys withoutBuilder =
        TrustedKeys.none().trust(signer.getPublic()).trust(ecBuilder.getPublic());

    TargetPlan plan = plan(signed(release(ed25519Envelope(ARTIFACT_DIGEST))), withoutBuilder);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message()).contains(builderId);
  }

  @Test
  void an_unsigned_release_is_refused_naming_it() {
    TargetPlan plan = plan(release(ed25519Envelope(ARTIFACT_DIGEST)), trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message())
        .isEqualTo("release churn-2-4-0 is not signed");
  }

  @Test
  void a_release_changed_after_signing_is_refused_naming_it_and_the_key() {
    ObjectNode document = signed(release(ed25519Envelope(ARTIFACT_DIGEST))).document();
    ((ObjectNode) document.path("spec")).put("version", "2.4.1");
    Resource tampered = parse(document.toString()).get(0);

    TargetPlan plan = plan(tampered, trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message())
        .isEqualTo(
            "release churn-2-4-0 does not match its signature by key "
                + signerId
                + ": it was changed after it was signed");
  }

  @Test
  void an_unsigned_policy_is_refused_naming_it() {
    TargetPlan plan =
        plan(
            signed(release(ed25519Envelope(ARTIFACT_DIGEST))),
            trusted,
            List.of(policy("unsigned-rule", "true")));

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-signed-resources").message())
        .isEqualTo("policy unsigned-rule is not signed");
  }

  @Test
  void outside_prod_the_policy_does_not_apply() {
    Resource staging = parse(environmentYaml().replace("tier: prod", "tier: staging")).get(0);
    TargetPlan plan =
        planIn(release(ed25519Envelope(ARTIFACT_DIGEST)), staging, TrustedKeys.none(), List.of());

    assertThat(plan.verdict()).as(plan.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.policies()).isEmpty();
  }

  @Test
  void the_example_policy_refuses_provenance_signed_by_an_untrusted_key_in_prod() {
    KeyPair stranger = ed25519();
    String strangerId = PublicKeys.id(stranger.getPublic());
    String envelope =
        Dsse.sign(Dsse.IN_TOTO, statement(ARTIFACT_DIGEST), strangerId, stranger.getPrivate())
            .toJson();

    TargetPlan plan = planWithExample(release(envelope), trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-verified-provenance").message())
        .startsWith("release churn-2-4-0: provenance signature: ")
        .contains(strangerId);
  }

  @Test
  void the_example_policy_refuses_provenance_about_another_artifact_in_prod() {
    Digest other = Digest.sha256("another model".getBytes(StandardCharsets.UTF_8));

    TargetPlan plan = planWithExample(release(ed25519Envelope(other)), trusted);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(outcome(plan, "prod-verified-provenance").message())
        .contains(other.value(), ARTIFACT_DIGEST.value());
  }

  @Test
  void the_example_policy_passes_verified_provenance_and_leaves_a_release_without_any() {
    TargetPlan verified = planWithExample(release(ed25519Envelope(ARTIFACT_DIGEST)), trusted);
    Resource without =
        parse(
                """
                apiVersion: sextant.dev/v1
                kind: Release
                metadata:
                  name: churn-2-4-0
                spec:
                  service: churn
                  version: 2.4.0
                  variants:
                    - name: cpu
                      artifact:
                        url: https://models.acme.example/churn-2.4.0.onnx
                        sha256: %s
                """
                    .formatted(ARTIFACT_DIGEST.hex()))
            .get(0);

    assertThat(verified.verdict()).as(verified.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(planWithExample(without, trusted).verdict()).isEqualTo(Verdict.COMPATIBLE);
  }

  private TargetPlan planWithExample(Resource release, TrustedKeys keys) {
    return planIn(EXAMPLE, release, parse(environmentYaml()).get(0), keys, List.of());
  }

  private TargetPlan plan(Resource release, TrustedKeys keys) {
    return plan(release, keys, List.of());
  }

  private TargetPlan plan(Resource release, TrustedKeys keys, List<Resource> more) {
    return planIn(release, signed(parse(environmentYaml()).get(0)), keys, more);
  }

  private TargetPlan planIn(
      Resource release, Resource environment, TrustedKeys keys, List<Resource> more) {
    return planIn(POLICY, release, environment, keys, more);
  }

  private TargetPlan planIn(
      Path policy, Resource release, Resource environment, TrustedKeys keys, List<Resource> more) {
    List<Resource> policies = new java.util.ArrayList<>(more);
    policies.add(signed(parse(read(policy)).get(0)));
    PolicyContext context =
        PolicyContext.of(
                policies,
                List.of(environment),
                new PolicyRequest("tester", "plan", Instant.parse("2026-12-08T10:00:00Z")))
            .trusting(keys);
    Fingerprint facts =
        FingerprintFiles.parse(
            "prod-eu.yaml",
            "environment: prod-eu\ncollectedAt: 2026-12-06T10:00:00Z\nfacts:\n  cpu.arch: x86_64\n"
                .getBytes(StandardCharsets.UTF_8));
    return new Planner(VALIDATORS)
        .plan(
            List.of(release),
            List.of(Target.of(environment.name(), Target.Origin.OBSERVED, facts)),
            List.of(),
            context)
        .releases()
        .get(0)
        .targets()
        .get(0);
  }

  private Resource signed(Resource resource) {
    return parse(
            ResourceSigning.sign(resource.document(), signerId, signer.getPrivate()).toString())
        .get(0);
  }

  private static String environmentYaml() {
    return """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: prod-eu
          labels:
            tier: prod
        spec:
          target:
            type: local
        """;
  }

  private static Resource release(String envelopeJson) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: churn-2-4-0
        spec:
          service: churn
          version: 2.4.0
          provenance:
            commit: 7fd1a60b01f91b314f59955a4e4d4e80d8edf11d
            attestation: %s
          variants:
            - name: cpu
              artifact:
                url: https://models.acme.example/churn-2.4.0.onnx
                sha256: %s
        """
            .formatted(envelopeJson, ARTIFACT_DIGEST.hex());
    return parse(yaml).get(0);
  }

  private static Resource policy(String name, String rule) {
    return parse(
            "apiVersion: sextant.dev/v1\nkind: Policy\nmetadata:\n  name: "
                + name
                + "\nspec:\n  effect: deny\n  rule: \""
                + rule.replace("\"", "\\\"")
                + "\"\n")
        .get(0);
  }

  private String ed25519Envelope(Digest subject) {
    return Dsse.sign(Dsse.IN_TOTO, statement(subject), builderId, builder.getPrivate()).toJson();
  }

  /** An envelope signed as DSSE's reference implementations sign with P-256: DER ECDSA. */
  private String p256Envelope(Digest subject) {
    byte[] payload = statement(subject);
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(ecBuilder.getPrivate());
      ecdsa.update(Dsse.pae(Dsse.IN_TOTO, payload));
      Base64.Encoder base64 = Base64.getEncoder();
      return "{\"payloadType\":\"%s\",\"payload\":\"%s\",\"signatures\":[{\"keyid\":\"%s\",\"sig\":\"%s\"}]}"
          .formatted(
              Dsse.IN_TOTO,
              base64.encodeToString(payload),
              PublicKeys.id(ecBuilder.getPublic()),
              base64.encodeToString(ecdsa.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] statement(Digest subject) {
    return """
        {"_type":"https://in-toto.io/Statement/v1",
         "subject":[{"name":"churn-2.4.0.onnx","digest":{"sha256":"%s"}}],
         "predicateType":"https://slsa.dev/provenance/v1",
         "predicate":{
           "buildDefinition":{
             "buildType":"https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
             "externalParameters":{"repository":"https://github.com/acme/churn","ref":"refs/tags/v2.4.0"},
             "resolvedDependencies":[{"uri":"%s","digest":{"sha256":"%s"}}]},
           "runDetails":{"builder":{"id":"%s"}}}}
        """
        .formatted(subject.hex(), DATASET, "a".repeat(64), BUILDER)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static PolicyOutcome outcome(TargetPlan plan, String policy) {
    return plan.policies().stream()
        .filter(o -> o.policy().equals(policy))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome of " + policy + " in " + plan));
  }

  private static List<Resource> parse(String text) {
    ParseReport report =
        new ResourceParser(Limits.DEFAULT, VALIDATORS)
            .parse("test.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertThat(report.problems()).as(text).isEmpty();
    return report.resources();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
