package dev.sextant.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.provenance.Verification.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DsseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode VECTORS = resource("vectors.json");

  /** The rejected vectors fail for the reason their description gives. */
  private static final Map<String, Reason> WHY_REJECTED =
      Map.of(
          "payload-type-swapped", Reason.BAD_SIGNATURE,
          "empty-payload-type", Reason.UNSUPPORTED_PAYLOAD_TYPE,
          "threshold-two-one-key-twice", Reason.BELOW_THRESHOLD);

  static Stream<Arguments> vectors() {
    return StreamSupport.stream(VECTORS.get("vectors").spliterator(), false)
        .map(vector -> Arguments.of(vector.get("id").asText(), vector));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void every_published_vector_is_accepted_or_rejected_as_the_file_expects(
      String id, JsonNode vector) throws IOException {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    vector.get("trustedKeys").forEach(name -> keys.put(name.asText(), vectorKey(name.asText())));
    Set<String> types = new HashSet<>();
    vector.get("supportedPayloadTypes").forEach(type -> types.add(type.asText()));

    Verification verification =
        Dsse.verify(
            JSON.writeValueAsBytes(vector.get("envelope")),
            TrustedKeys.of(keys),
            vector.get("threshold").asInt(),
            types);

    assertThat(verification.verified())
        .as("%s: %s", id, verification.rejection())
        .isEqualTo(vector.get("expect").asText().equals("accept"));
    if (!verification.verified()) {
      assertThat(verification.rejection().orElseThrow().reason()).isEqualTo(WHY_REJECTED.get(id));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void the_pae_of_every_vector_is_the_published_one(String id, JsonNode vector) {
    Envelope envelope = Envelope.parse(vector.get("envelope").toString());

    String pae = HexFormat.of().formatHex(Dsse.pae(envelope.payloadType(), envelope.payload()));

    if (id.equals("payload-type-swapped")) {
      // the published PAE is the one signed, before the envelope's type was changed
      assertThat(pae).isNotEqualTo(vector.get("pae").asText());
    } else {
      assertThat(pae).isEqualTo(vector.get("pae").asText());
    }
  }

  @Test
  void signing_with_the_rfc_8032_key_gives_the_published_signature() {
    JsonNode vector = VECTORS.get("vectors").get(0);
    Envelope published = Envelope.parse(vector.get("envelope").toString());

    Envelope signed =
        Dsse.sign(published.payloadType(), published.payload(), "A", vectorPrivateKey("A"));

    assertThat(signed).isEqualTo(published);
  }

  @Test
  void the_ecdsa_p256_example_of_the_protocol_verifies_with_its_raw_signature() {
    JsonNode example = resource("protocol-example.json");
    Envelope envelope = Envelope.parse(example.get("envelope").toString());
    PublicKey key =
        p256(
            new BigInteger(example.get("key").get("x").asText()),
            new BigInteger(example.get("key").get("y").asText()));

    Verification verification =
        Dsse.verify(
            envelope, TrustedKeys.none().trust(key), 1, Set.of("http://example.com/HelloWorld"));

    assertThat(
            new String(
                Dsse.pae(envelope.payloadType(), envelope.payload()), StandardCharsets.UTF_8))
        .isEqualTo(example.get("pae").asText());
    assertThat(envelope.signatures().get(0).sig()).hasSize(64);
    assertThat(verification.verified()).as("%s", verification.rejection()).isTrue();
    assertThat(verification.verifiedBy()).containsExactly(PublicKeys.id(key));
  }

  @Test
  void an_ecdsa_p256_signature_in_der_verifies() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    byte[] payload =
        "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(Dsse.pae(Dsse.IN_TOTO, payload));
    Envelope envelope =
        new Envelope(
            Dsse.IN_TOTO,
            payload,
            List.of(new Envelope.Signature(Optional.empty(), signer.sign())));

    Verification verification =
        Dsse.verify(
            envelope, TrustedKeys.none().trust("ci", pair.getPublic()), 1, Set.of(Dsse.IN_TOTO));

    assertThat(verification.verified()).as("%s", verification.rejection()).isTrue();
    assertThat(verification.verifiedBy()).containsExactly("ci");
  }

  @Test
  void a_signature_by_an_untrusted_key_is_refused_naming_its_key_id() {
    Envelope envelope = Dsse.sign(Dsse.IN_TOTO, new byte[] {'{', '}'}, "B", vectorPrivateKey("B"));

    Verification verification =
        Dsse.verify(envelope, TrustedKeys.of(Map.of("A", vectorKey("A"))), 1, Set.of(Dsse.IN_TOTO));

    assertThat(verification.verified()).isFalse();
    assertThat(verification.verifiedBy()).isEmpty();
    assertThat(verification.rejection().orElseThrow().reason())
        .isEqualTo(Reason.NO_TRUSTED_SIGNATURE);
    assertThat(verification.rejection().orElseThrow().message())
        .contains("untrusted key id(s) [B]")
        .contains("trusted key [A]");
  }

  @Test
  void an_envelope_with_no_signatures_or_no_trusted_keys_is_refused_saying_which() {
    Envelope unsigned = new Envelope(Dsse.IN_TOTO, new byte[0], List.of());
    Envelope signed = Dsse.sign(Dsse.IN_TOTO, new byte[0], "A", vectorPrivateKey("A"));

    assertThat(
            Dsse.verify(
                    unsigned, TrustedKeys.of(Map.of("A", vectorKey("A"))), 1, Set.of(Dsse.IN_TOTO))
                .rejection())
        .get()
        .extracting(Verification.Rejection::message)
        .isEqualTo("the envelope has no signatures");
    assertThat(Dsse.verify(signed, TrustedKeys.none(), 1, Set.of(Dsse.IN_TOTO)).rejection())
        .get()
        .extracting(Verification.Rejection::message)
        .isEqualTo("no key is trusted; signed by untrusted key id(s) [A]");
  }

  @Test
  void an_envelope_that_cannot_be_read_is_malformed_naming_the_field() {
    String missingSig =
        "{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"A\"}]}";
    String mixed = "{\"payload\":\"-_+/\",\"payloadType\":\"t\",\"signatures\":[]}";
    String notBase64 = "{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"%%\"}]}";
    // "e30=" is "{}"; "e31=" sets bits that a lenient decoder drops, spelling the same bytes again
    String nonCanonical = "{\"payload\":\"e31=\",\"payloadType\":\"t\",\"signatures\":[]}";
    String duplicate = "{\"payload\":\"\",\"payload\":\"e30=\",\"payloadType\":\"t\"}";

    Verification verification =
        Dsse.verify(
            missingSig.getBytes(StandardCharsets.UTF_8), TrustedKeys.none(), 1, Set.of("t"));

    assertThat(verification.rejection().orElseThrow().reason()).isEqualTo(Reason.MALFORMED);
    assertThat(verification.rejection().orElseThrow().message())
        .isEqualTo("envelope: signatures[0].sig: required, missing");
    assertThatThrownBy(() -> Envelope.parse(mixed))
        .hasMessage("envelope: payload: mixes the standard and the URL-safe base64 alphabets");
    assertThatThrownBy(() -> Envelope.parse(notBase64))
        .isInstanceOf(MalformedAttestationException.class)
        .hasMessageStartingWith("envelope: signatures[0].sig: not base64");
    assertThatThrownBy(() -> Envelope.parse(duplicate))
        .hasMessageContaining("envelope: not JSON: Duplicate field 'payload'");
    assertThatThrownBy(() -> Envelope.parse(nonCanonical))
        .hasMessage(
            "envelope: payload: not canonical base64: the last character's unused bits are not"
                + " zero");
    assertThatThrownBy(() -> Envelope.parse("[]"))
        .hasMessage("envelope: expected an object, found array");
  }

  @Test
  void an_envelope_written_as_json_reads_back_equal() {
    Envelope signed =
        Dsse.sign(Dsse.IN_TOTO, new byte[] {(byte) 0xfb, (byte) 0xff}, "A", vectorPrivateKey("A"));

    assertThat(Envelope.parse(signed.toJson())).isEqualTo(signed);
  }

  @Test
  void only_ed25519_keys_sign() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));

    assertThatThrownBy(
            () ->
                Dsse.sign(
                    Dsse.IN_TOTO, new byte[0], "ci", generator.generateKeyPair().getPrivate()))
        .isInstanceOf(UnusableKeyException.class)
        .hasMessage("Sextant signs with Ed25519 keys only, found EC");
  }

  static PublicKey vectorKey(String name) {
    return PublicKeys.ed25519(
        HexFormat.of().parseHex(VECTORS.get("keys").get(name).get("public").asText()));
  }

  /** An RFC 8032 key from its seed, wrapped as PKCS #8 (RFC 8410 §7). */
  static PrivateKey vectorPrivateKey(String name) {
    byte[] der =
        HexFormat.of()
            .parseHex(
                "302e020100300506032b657004220420"
                    + VECTORS.get("keys").get(name).get("seed").asText());
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey p256(BigInteger x, BigInteger y) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      return KeyFactory.getInstance("EC")
          .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode resource(String name) {
    try (InputStream in = DsseTest.class.getResourceAsStream("dsse/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
