package dev.sextant.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicKeysTest {
  /** RFC 8032 §7.1 TEST 1's public key, as {@code openssl pkey -pubin -outform PEM} writes it. */
  private static final String RFC_8032_TEST_1_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
      -----END PUBLIC KEY-----
      """;

  private static final String P384_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEvcpwTTKq9ieUKW54YZIzk6DHTXjt8pjm
      tHD423yl+2XEQgfzZB/obRHAOkdu2B3blI0PNauIfY5YviU4jBz/6Slt/tJq3cIn
      ysFnSxlO9jkjdKtdui93Jt6O3vKd7tC9
      -----END PUBLIC KEY-----
      """;

  private static final String RSA_PEM =
      """
      -----BEGIN PUBLIC KEY-----
      MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC2lX54tw8c3fBmq0cFgTMBD7JC
      ql/V+dFL8rOma+DVFmXmYj69YfUzKFTHbyxWhveQfTtqZijr+vzBVBryZTcxH//7
      qkUZSxtzPehl4lTepPY7NX3Wk/cIGpHUOZz+rjCEhFONySlAEjFjJYMgmeyiupB0
      VGuRsurDWIaZ9YDisQIDAQAB
      -----END PUBLIC KEY-----
      """;

  @Test
  void a_key_id_is_the_sha256_of_the_der_spki_as_openssl_and_sha256sum_compute_it() {
    PublicKey key = PublicKeys.fromPem(RFC_8032_TEST_1_PEM);

    // openssl pkey -pubin -in key.pem -outform DER | sha256sum
    assertThat(PublicKeys.id(key))
        .isEqualTo("06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
  }

  @Test
  void a_raw_ed25519_key_and_its_pem_are_the_same_key() {
    PublicKey raw =
        PublicKeys.ed25519(
            HexFormat.of()
                .parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));

    assertThat(raw.getEncoded()).isEqualTo(PublicKeys.fromPem(RFC_8032_TEST_1_PEM).getEncoded());
    assertThat(PublicKeys.toPem(raw)).isEqualTo(RFC_8032_TEST_1_PEM);
  }

  @Test
  void a_p256_key_reads_back_from_its_pem() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    PublicKey key = generator.generateKeyPair().getPublic();

    assertThat(PublicKeys.fromPem(PublicKeys.toPem(key)).getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void keys_of_other_algorithms_and_curves_are_refused_saying_what_they_are() {
    assertThatThrownBy(() -> PublicKeys.fromPem(P384_PEM))
        .isInstanceOf(UnusableKeyException.class)
        .hasMessageStartingWith("an ECDSA key must be on P-256, found secp384r1");
    assertThatThrownBy(() -> PublicKeys.fromPem(RSA_PEM))
        .isInstanceOf(UnusableKeyException.class)
        .hasMessage(
            "not an Ed25519 or ECDSA P-256 public key (DER SubjectPublicKeyInfo of 162 bytes)");
    assertThatThrownBy(() -> PublicKeys.ed25519(new byte[31]))
        .hasMessage("an Ed25519 public key is 32 bytes, found 31 bytes");
    assertThatThrownBy(() -> PublicKeys.fromPem("ssh-ed25519 AAAA…"))
        .hasMessageStartingWith("expected a PEM public key");
  }

  @Test
  void one_key_is_trusted_under_one_id_only_so_it_counts_once_towards_a_threshold() {
    PublicKey key = PublicKeys.fromPem(RFC_8032_TEST_1_PEM);
    TrustedKeys trusted = TrustedKeys.none().trust(key);

    assertThat(trusted.ids()).containsExactly(PublicKeys.id(key));
    assertThatThrownBy(() -> trusted.trust("A", key))
        .hasMessage("key A is already trusted as " + PublicKeys.id(key));
    assertThatThrownBy(() -> TrustedKeys.of(Map.of("A", key)).trust("A", DsseTest.vectorKey("B")))
        .hasMessage("key id A already names another trusted key");
  }
}
