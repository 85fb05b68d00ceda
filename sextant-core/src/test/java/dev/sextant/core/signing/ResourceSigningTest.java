package dev.sextant.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.ledger.Jcs;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Embedded and detached signatures over canonical JSON, and what checking them finds. */
class ResourceSigningTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: prod-eu
        labels:
          tier: prod
      spec:
        description: Production in Frankfurt.
        target:
          type: local
        facts:
          cpu.arch: x86_64
          cpu.cores: 64
      """;

  private final KeyPair signer = ed25519();
  private final String signerId = PublicKeys.id(signer.getPublic());
  private final TrustedKeys trusted = TrustedKeys.none().trust(signer.getPublic());

  @Test
  void a_resource_signed_by_a_trusted_key_verifies_and_still_validates() {
    ObjectNode signed = ResourceSigning.sign(environment(), signerId, signer.getPrivate());

    SignatureCheck check = ResourceSigning.verify(signed, "environment prod-eu", trusted);

    assertThat(check).isEqualTo(new SignatureCheck(true, true, signerId, ""));
    assertThat(signed.path("metadata").path("signature").path("algorithm").asText())
        .isEqualTo("ed25519");
    assertThat(parse(signed.toString()).ok()).isTrue();
  }

  @Test
  void the_signature_covers_the_canonical_json_without_itself() throws Exception {
    ObjectNode signed = ResourceSigning.sign(environment(), signerId, signer.getPrivate());
    byte[] value =
        Base64.getDecoder()
            .decode(signed.path("metadata").path("signature").path("value").asText());

    // what any JCS library gives for the document without metadata.signature
    Signature check = Signature.getInstance("Ed25519");
    check.initVerify(signer.getPublic());
    check.update(Jcs.canonical(environment()));

    assertThat(check.verify(value)).isTrue();
    assertThat(ResourceSigning.signedBytes(signed)).isEqualTo(Jcs.canonical(environment()));
  }

  @Test
  void
      a_signed_resource_changed_afterwards_is_never_verified_and_the_reason_names_it_and_the_key() {
    ObjectNode signed = ResourceSigning.sign(environment(), signerId, signer.getPrivate());
    ((ObjectNode) signed.path("metadata").path("labels")).put("tier", "staging");

    SignatureCheck check = ResourceSigning.verify(signed, "environment prod-eu", trusted);

    assertThat(check.signed()).isTrue();
    assertThat(check.verified()).isFalse();
    assertThat(check.reason())
        .isEqualTo(
            "environment prod-eu does not match its signature by key "
                + signerId
                + ": it was changed after it was signed");
  }

  @Test
  void a_signature_by_a_key_not_trusted_or_of_another_algorithm_is_not_verified() {
    KeyPair stranger = ed25519();
    String strangerId = PublicKeys.id(stranger.getPublic());
    ObjectNode signed = ResourceSigning.sign(environment(), strangerId, stranger.getPrivate());
    KeyPair p256 = p256();
    String p256Id = PublicKeys.id(p256.getPublic());
    ObjectNode claimsP256 = ResourceSigning.sign(environment(), p256Id, signer.getPrivate());

    SignatureCheck untrusted = ResourceSigning.verify(signed, "environment prod-eu", trusted);
    SignatureCheck wrongKind =
        ResourceSigning.verify(claimsP256, "environment prod-eu", trusted.trust(p256.getPublic()));

    assertThat(untrusted.verified()).isFalse();
    assertThat(untrusted.reason())
        .isEqualTo("environment prod-eu is signed by key " + strangerId + ", which is not trusted");
    assertThat(wrongKind.verified()).isFalse();
    assertThat(wrongKind.keyId()).isEqualTo(p256Id);
    assertThat(wrongKind.reason()).contains("an ECDSA P-256 key", "Ed25519 keys only");
  }

  @Test
  void an_unsigned_resource_is_neither_signed_nor_verified() {
    SignatureCheck check = ResourceSigning.verify(environment(), "environment prod-eu", trusted);

    assertThat(check)
        .isEqualTo(new SignatureCheck(false, false, "", "environment prod-eu is not signed"));
  }

  @Test
  void a_malformed_signature_is_a_validation_error_at_its_field() {
    ObjectNode signed = ResourceSigning.sign(environment(), signerId, signer.getPrivate());
    ((ObjectNode) signed.path("metadata").path("signature")).put("value", "not-base64");
    ObjectNode shortId = ResourceSigning.sign(environment(), signerId, signer.getPrivate());
    ((ObjectNode) shortId.path("metadata").path("signature")).put("keyId", "abc");

    ParseReport badValue = parse(signed.toString());
    ParseReport badId = parse(shortId.toString());

    assertThat(badValue.ok()).isFalse();
    assertThat(badValue.problems().get(0).field()).isEqualTo("metadata.signature.value");
    assertThat(badId.problems().get(0).field()).isEqualTo("metadata.signature.keyId");
  }

  @Test
  void an_agent_signed_fingerprint_counts_when_its_key_is_trusted_under_the_full_id() {
    Fingerprint facts =
        FingerprintFiles.parse(
            "host.yaml",
            "environment: prod-eu\ncollectedAt: 2026-12-06T10:00:00Z\nfacts:\n  cpu.arch: x86_64\n"
                .getBytes(StandardCharsets.UTF_8));
    Fingerprint signed = new FingerprintSigner(signer).sign(facts);
    Fingerprint tampered =
        FingerprintFiles.parse(
                "host.yaml",
                "environment: prod-eu\ncollectedAt: 2026-12-06T10:00:00Z\nfacts:\n  cpu.arch: arm64\n"
                    .getBytes(StandardCharsets.UTF_8))
            .signed(signed.signature().orElseThrow());

    SignatureCheck valid = ResourceSigning.verify(signed, "the fingerprint of prod-eu", trusted);
    SignatureCheck changed =
        ResourceSigning.verify(tampered, "the fingerprint of prod-eu", trusted);
    SignatureCheck unknown =
        ResourceSigning.verify(signed, "the fingerprint of prod-eu", TrustedKeys.none());

    assertThat(valid.verified()).isTrue();
    assertThat(signerId).startsWith(valid.keyId());
    assertThat(changed.verified()).isFalse();
    assertThat(changed.reason()).contains("changed after it was signed");
    assertThat(unknown.reason()).contains("which is not trusted");
  }

  @Test
  void a_detached_signature_verifies_the_document_in_any_formatting_and_fails_on_any_change()
      throws Exception {
    JsonNode document = JSON.readTree("{\"b\": [1, 2.50], \"a\": \"x\"}");
    DetachedSignature signature = DetachedSignature.sign(document, signerId, signer.getPrivate());
    DetachedSignature read = DetachedSignature.read(JSON.readTree(signature.toJson().toString()));

    SignatureCheck same =
        read.verify(JSON.readTree("{\"a\":\"x\",\"b\":[1,2.5]}"), "fp.yaml", signer.getPublic());
    SignatureCheck changed =
        read.verify(JSON.readTree("{\"a\":\"y\",\"b\":[1,2.5]}"), "fp.yaml", signer.getPublic());
    SignatureCheck otherKey = read.verify(document, "fp.yaml", ed25519().getPublic());

    assertThat(read).isEqualTo(signature);
    assertThat(same.verified()).isTrue();
    assertThat(changed.verified()).isFalse();
    assertThat(changed.reason())
        .contains("fp.yaml does not match its signature by key " + signerId);
    assertThat(otherKey.verified()).isFalse();
  }

  @Test
  void a_signature_file_with_an_unknown_or_missing_field_is_refused_naming_it() throws Exception {
    ObjectNode json = DetachedSignature.sign(environment(), signerId, signer.getPrivate()).toJson();
    ObjectNode extra = json.deepCopy().put("comment", "hi");
    ObjectNode missing = json.deepCopy();
    missing.remove("digest");

    assertThatThrownBy(() -> DetachedSignature.read(extra))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown field comment");
    assertThatThrownBy(() -> DetachedSignature.read(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field digest is missing");
  }

  private static ObjectNode environment() {
    return (ObjectNode) parse(ENVIRONMENT).resources().get(0).document();
  }

  private static ParseReport parse(String text) {
    return new ResourceParser(Limits.DEFAULT, Validators.standard())
        .parse("env.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
