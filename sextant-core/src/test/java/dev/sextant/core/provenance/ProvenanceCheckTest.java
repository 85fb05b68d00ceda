package dev.sextant.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenanceCheckTest {
  private static final byte[] ARTIFACT =
      "model weights, version 2.4.0".getBytes(StandardCharsets.UTF_8);
  private static final Digest ARTIFACT_DIGEST = Digest.sha256(ARTIFACT);
  private static final String BUILDER = "https://github.com/actions/runner/github-hosted";

  private final KeyPair builderKey = ed25519();
  private final String builderKeyId = PublicKeys.id(builderKey.getPublic());
  private final TrustedKeys trusted = TrustedKeys.none().trust(builderKey.getPublic());

  @Test
  void a_statement_signed_by_a_trusted_key_about_the_artifact_is_verified() {
    VerifiedProvenance provenance =
        ProvenanceCheck.of(signed(statement(ARTIFACT_DIGEST)), trusted, ARTIFACT_DIGEST);

    assertThat(provenance.reason()).isEmpty();
    assertThat(provenance.verified()).isTrue();
    assertThat(provenance.subjectMatches()).isTrue();
    assertThat(provenance.signers()).containsExactly(builderKeyId);
    assertThat(provenance.builder()).contains(BUILDER);
    assertThat(provenance.buildType())
        .contains("https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1");
    assertThat(provenance.externalParameters().get("ref").asText()).isEqualTo("refs/tags/v2.4.0");
    assertThat(provenance.materials())
        .extracting(ResourceDescriptor::uri, ResourceDescriptor::digest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Optional.of("git+https://github.com/acme/churn@refs/tags/v2.4.0"),
                java.util.Map.of("gitCommit", "7fd1a60b01f91b314f59955a4e4d4e80d8edf11d")),
            org.assertj.core.groups.Tuple.tuple(
                Optional.of("s3://acme-datasets/churn/2026-11-30"),
                java.util.Map.of("sha256", "a".repeat(64))));
  }

  @Test
  void changing_any_one_byte_of_the_envelope_makes_it_unverified_except_the_unsigned_key_id() {
    String json = signed(statement(ARTIFACT_DIGEST));
    // DSSE leaves KEYID out of the signature: it is a hint for choosing a key, never trusted
    int keyIdStart = json.indexOf("\"keyid\"");
    int keyIdEnd = json.indexOf(',', keyIdStart);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < bytes.length; i++) {
      byte[] changed = bytes.clone();
      changed[i] ^= 0x01;
      VerifiedProvenance provenance =
          ProvenanceCheck.of(new String(changed, StandardCharsets.UTF_8), trusted, ARTIFACT_DIGEST);

      if (i >= keyIdStart && i < keyIdEnd) {
        // a changed hint may still verify, but only ever as the key that really signed
        if (provenance.verified()) {
          assertThat(provenance.signers()).as("byte %d", i).containsExactly(builderKeyId);
        }
      } else {
        assertThat(provenance.verified()).as("byte %d changed: %s", i, provenance).isFalse();
        assertThat(provenance.reason()).as("byte %d", i).isPresent();
      }
    }
  }

  @Test
  void a_statement_signed_by_an_untrusted_key_is_not_verified_naming_the_key_id() {
    KeyPair stranger = ed25519();
    String json =
        Dsse.sign(
                Dsse.IN_TOTO,
                statement(ARTIFACT_DIGEST).getBytes(StandardCharsets.UTF_8),
                PublicKeys.id(stranger.getPublic()),
                stranger.getPrivate())
            .toJson();

    VerifiedProvenance provenance = ProvenanceCheck.of(json, trusted, ARTIFACT_DIGEST);

    assertThat(provenance.verified()).isFalse();
    assertThat(provenance.signers()).isEmpty();
    assertThat(provenance.builder()).as("nothing unsigned is believed").isEmpty();
    assertThat(provenance.materials()).isEmpty();
    assertThat(provenance.reason().orElseThrow())
        .startsWith("provenance signature: no signature verifies with a trusted key")
        .contains("untrusted key id(s) [" + PublicKeys.id(stranger.getPublic()) + "]");
  }

  @Test
  void a_statement_about_another_artifact_is_not_verified_saying_both_digests() {
    Digest other = Digest.sha256("another build".getBytes(StandardCharsets.UTF_8));

    VerifiedProvenance provenance =
        ProvenanceCheck.of(signed(statement(other)), trusted, ARTIFACT_DIGEST);

    assertThat(provenance.verified()).isFalse();
    assertThat(provenance.subjectMatches()).isFalse();
    assertThat(provenance.signers()).containsExactly(builderKeyId);
    assertThat(provenance.builder()).contains(BUILDER);
    assertThat(provenance.reason())
        .contains("the statement is about " + other + ", not the artifact's " + ARTIFACT_DIGEST);
  }

  @Test
  void an_envelope_in_url_safe_base64_without_padding_is_verified() {
    // five '?' and five '~' in a row hold an aligned triple each, which base64 writes with '/' and
    // '+'
    String statement =
        statement(ARTIFACT_DIGEST).replace("\"ref\":", "\"note\":\"?????~~~~~\",\"ref\":");
    Envelope envelope = Envelope.parse(signed(statement));
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("payloadType", envelope.payloadType());
    json.put("payload", encoder.encodeToString(envelope.payload()));
    json.putArray("signatures")
        .addObject()
        .put("sig", encoder.encodeToString(envelope.signatures().get(0).sig()));
    String urlSafe = json.toString();

    VerifiedProvenance provenance = ProvenanceCheck.of(urlSafe, trusted, ARTIFACT_DIGEST);

    assertThat(json.get("payload").asText()).contains("-").contains("_");
    assertThat(provenance.reason()).isEmpty();
    assertThat(provenance.verified()).isTrue();
  }

  @Test
  void a_signed_statement_of_another_predicate_type_is_not_provenance() {
    String scan =
        statement(ARTIFACT_DIGEST)
            .replace(
                SlsaProvenance.PREDICATE_TYPE, "https://cosign.sigstore.dev/attestation/vuln/v1");

    VerifiedProvenance provenance = ProvenanceCheck.of(signed(scan), trusted, ARTIFACT_DIGEST);

    assertThat(provenance.verified()).isFalse();
    assertThat(provenance.signers()).containsExactly(builderKeyId);
    assertThat(provenance.reason())
        .contains(
            "statement: predicateType: expected SLSA Provenance v1 (https://slsa.dev/provenance/v1),"
                + " found https://cosign.sigstore.dev/attestation/vuln/v1");
  }

  @Test
  void a_signed_predicate_without_a_builder_id_is_refused_naming_the_field() {
    String noBuilder =
        statement(ARTIFACT_DIGEST).replace("\"id\":\"" + BUILDER + "\"", "\"id\":null");

    VerifiedProvenance provenance = ProvenanceCheck.of(signed(noBuilder), trusted, ARTIFACT_DIGEST);

    assertThat(provenance.reason()).contains("predicate: runDetails.builder.id: required, missing");
  }

  @Test
  void a_signed_payload_of_another_type_is_refused() {
    String json =
        Dsse.sign(
                "application/json",
                statement(ARTIFACT_DIGEST).getBytes(StandardCharsets.UTF_8),
                builderKeyId,
                builderKey.getPrivate())
            .toJson();

    VerifiedProvenance provenance = ProvenanceCheck.of(json, trusted, ARTIFACT_DIGEST);

    assertThat(provenance.reason())
        .contains(
            "provenance signature: payload type 'application/json' is not one of ["
                + Dsse.IN_TOTO
                + "]");
  }

  @Test
  void an_envelope_that_is_not_json_is_refused_saying_where() {
    VerifiedProvenance provenance = ProvenanceCheck.of("{\"payload\": ", trusted, ARTIFACT_DIGEST);

    assertThat(provenance.verified()).isFalse();
    assertThat(provenance.reason().orElseThrow()).startsWith("envelope: not JSON: ");
  }

  private String signed(String statement) {
    return Dsse.sign(
            Dsse.IN_TOTO,
            statement.getBytes(StandardCharsets.UTF_8),
            builderKeyId,
            builderKey.getPrivate())
        .toJson();
  }

  /** An SLSA Provenance v1 statement as GitHub's generic generator writes one, trimmed. */
  private static String statement(Digest subject) {
    return """
        {"_type":"https://in-toto.io/Statement/v1",
         "subject":[{"name":"churn-model.onnx","digest":{"sha256":"%s"}}],
         "predicateType":"https://slsa.dev/provenance/v1",
         "predicate":{
           "buildDefinition":{
             "buildType":"https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
             "externalParameters":{"repository":"https://github.com/acme/churn","ref":"refs/tags/v2.4.0"},
             "internalParameters":{"github":{"event_name":"push"}},
             "resolvedDependencies":[
               {"uri":"git+https://github.com/acme/churn@refs/tags/v2.4.0",
                "digest":{"gitCommit":"7fd1a60b01f91b314f59955a4e4d4e80d8edf11d"}},
               {"uri":"s3://acme-datasets/churn/2026-11-30","digest":{"sha256":"%s"}}]},
           "runDetails":{
             "builder":{"id":"%s"},
             "metadata":{"invocationId":"https://github.com/acme/churn/actions/runs/1/attempts/1"}}}}
        """
        .formatted(subject.hex(), "a".repeat(64), BUILDER);
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
