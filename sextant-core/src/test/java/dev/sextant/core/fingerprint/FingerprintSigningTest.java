package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FingerprintSigningTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final KeyPair agentKeys = SigningKeys.generate(RANDOM);
  private final FingerprintSigner signer = new FingerprintSigner(agentKeys);
  private final FingerprintVerifier verifier = FingerprintVerifier.trusting(agentKeys.getPublic());

  @Test
  void a_signed_fingerprint_verifies_with_its_key() {
    Fingerprint signed = signer.sign(Samples.fingerprint());
    Verification verification = verifier.verify(signed);
    assertThat(verification.outcome()).isEqualTo(Verification.Outcome.VALID);
    assertThat(verification.isValid()).isTrue();
    assertThat(verification.keyId()).contains(signer.keyId());
    assertThat(signed.signature())
        .get()
        .extracting(FingerprintSignature::keyId)
        .isEqualTo(signer.keyId());
  }

  @Test
  void signing_is_deterministic_and_leaves_the_digests_alone() {
    Fingerprint unsigned = Samples.fingerprint();
    assertThat(signer.sign(unsigned)).isEqualTo(signer.sign(unsigned));
    assertThat(signer.sign(unsigned).digests()).isEqualTo(unsigned.digests());
  }

  @Test
  void tampering_with_one_fact_breaks_the_signature() {
    Fingerprint signed = signer.sign(Samples.fingerprint());
    Fingerprint tampered =
        signed
            .with("gpu.driver.version", new Fact.Version("535.104.05"))
            .signed(signed.signature().orElseThrow());
    Verification verification = verifier.verify(tampered);
    assertThat(verification.outcome()).isEqualTo(Verification.Outcome.BAD_SIGNATURE);
    assertThat(verification.message()).contains("does not match");
  }

  @Test
  void tampering_with_the_time_or_the_environment_breaks_the_signature() {
    Fingerprint signed = signer.sign(Samples.fingerprint());
    FingerprintSignature signature = signed.signature().orElseThrow();
    assertThat(
            verifier
                .verify(signed.collectedAt(Instant.parse("2030-01-01T00:00:00Z")).signed(signature))
                .outcome())
        .isEqualTo(Verification.Outcome.BAD_SIGNATURE);
    assertThat(verifier.verify(signed.describing("another-node").signed(signature)).outcome())
        .isEqualTo(Verification.Outcome.BAD_SIGNATURE);
  }

  @Test
  void a_tampered_file_fails_verification() {
    String file = FingerprintFiles.json(signer.sign(Samples.fingerprint()));
    // The time is signed but not digested, so the file still reads and only the signature tells.
    String tampered = file.replace("2024-05-01T12:00:00Z", "2024-06-01T12:00:00Z");
    Fingerprint read = FingerprintFiles.parse("fp.json", tampered.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(read).outcome()).isEqualTo(Verification.Outcome.BAD_SIGNATURE);
    assertThat(
            verifier
                .verify(FingerprintFiles.parse("fp.json", file.getBytes(StandardCharsets.UTF_8)))
                .isValid())
        .isTrue();
  }

  @Test
  void a_signature_by_a_key_not_trusted_is_an_unknown_key() {
    FingerprintSigner stranger = new FingerprintSigner(SigningKeys.generate(RANDOM));
    Verification verification = verifier.verify(stranger.sign(Samples.fingerprint()));
    assertThat(verification.outcome()).isEqualTo(Verification.Outcome.UNKNOWN_KEY);
    assertThat(verification.keyId()).contains(stranger.keyId());
  }

  @Test
  void a_signature_by_another_key_under_a_trusted_key_id_is_bad() {
    Fingerprint byStranger =
        new FingerprintSigner(SigningKeys.generate(RANDOM)).sign(Samples.fingerprint());
    Fingerprint impersonating =
        byStranger.signed(
            new FingerprintSignature(signer.keyId(), byStranger.signature().orElseThrow().value()));
    assertThat(verifier.verify(impersonating).outcome())
        .isEqualTo(Verification.Outcome.BAD_SIGNATURE);
  }

  @Test
  void an_unsigned_fingerprint_says_so() {
    Verification verification = verifier.verify(Samples.fingerprint());
    assertThat(verification.outcome()).isEqualTo(Verification.Outcome.UNSIGNED);
    assertThat(verification.keyId()).isEmpty();
  }

  @Test
  void any_of_several_trusted_keys_verifies() {
    KeyPair other = SigningKeys.generate(RANDOM);
    FingerprintVerifier both =
        FingerprintVerifier.trusting(java.util.List.of(other.getPublic(), agentKeys.getPublic()));
    assertThat(both.verify(signer.sign(Samples.fingerprint())).isValid()).isTrue();
    assertThat(both.verify(new FingerprintSigner(other).sign(Samples.fingerprint())).isValid())
        .isTrue();
  }

  @Test
  void the_key_id_is_the_first_16_hex_of_sha256_of_the_encoded_public_key() {
    String expected = Digest.sha256(agentKeys.getPublic().getEncoded()).hex().substring(0, 16);
    assertThat(SigningKeys.keyId(agentKeys.getPublic())).isEqualTo(expected).hasSize(16);
    assertThat(signer.keyId()).isEqualTo(expected);
  }

  @Test
  void keys_survive_encoding_as_base64_and_as_pem() {
    assertThat(SigningKeys.decodePublic(SigningKeys.encodePublic(agentKeys.getPublic())))
        .isEqualTo(agentKeys.getPublic());
    assertThat(SigningKeys.decodePublic(SigningKeys.publicPem(agentKeys.getPublic())))
        .isEqualTo(agentKeys.getPublic());
    assertThat(SigningKeys.publicPem(agentKeys.getPublic()))
        .startsWith("-----BEGIN PUBLIC KEY-----\n");

    KeyPair restored =
        new KeyPair(
            SigningKeys.decodePublic(SigningKeys.encodePublic(agentKeys.getPublic())),
            SigningKeys.decodePrivate(SigningKeys.privatePem(agentKeys.getPrivate())));
    Fingerprint signed = new FingerprintSigner(restored).sign(Samples.fingerprint());
    assertThat(verifier.verify(signed).isValid()).isTrue();
    assertThat(signed).isEqualTo(signer.sign(Samples.fingerprint()));
  }

  @Test
  void text_that_is_not_an_ed25519_key_is_refused() throws Exception {
    assertThatThrownBy(() -> SigningKeys.decodePublic("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SigningKeys.decodePublic(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Ed25519 public key");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256, RANDOM);
    KeyPair notEd = ec.generateKeyPair();
    assertThatThrownBy(
            () ->
                SigningKeys.decodePublic(
                    Base64.getEncoder().encodeToString(notEd.getPublic().getEncoded())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FingerprintSigner(notEd))
        .hasMessageContaining("expected an Ed25519 key");
  }

  @Test
  void the_signed_payload_is_a_dsse_pre_authentication_encoding() {
    byte[] pae =
        SignedPayload.preAuthenticationEncoding("t", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 2 {}");
    String payload = new String(SignedPayload.of(Samples.fingerprint()), StandardCharsets.UTF_8);
    assertThat(payload)
        .startsWith("DSSEv1 40 application/vnd.sextant.fingerprint+json ")
        .endsWith(
            "{\"collectedAt\":\"2024-05-01T12:00:00Z\",\"digest\":\""
                + Samples.fingerprint().digests().whole()
                + "\",\"environment\":\"gpu-node-7\"}");
  }
}
