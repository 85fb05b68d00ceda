package dev.sextant.core.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DSSE envelope (secure-systems-lab/dsse {@code envelope.md}): a payload, the type that says how
 * to read it, and signatures over both. Nothing in it is trusted until {@link Dsse#verify} says so.
 *
 * @param payloadType the PAYLOAD_TYPE, e.g. {@code application/vnd.in-toto+json}; signed
 * @param payload the SERIALIZED_BODY, decoded from base64; signed
 */
public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
  private static final AttestationJson JSON = new AttestationJson("envelope");

  public Envelope {
    Objects.requireNonNull(payloadType, "payloadType");
    payload = Objects.requireNonNull(payload, "payload").clone();
    signatures = List.copyOf(signatures);
  }

  /**
   * Reads an envelope in the JSON form, its base64 fields in the standard or the URL-safe alphabet
   * (the protocol says verifiers must accept either).
   *
   * @throws MalformedAttestationException naming the field that is missing, of the wrong type or
   *     not base64
   */
  public static Envelope parse(byte[] json) {
    ObjectNode root = JSON.read(json);
    String payloadType = JSON.requireTextMayBeEmpty(root, "", "payloadType");
    byte[] payload = base64(JSON.requireTextMayBeEmpty(root, "", "payload"), "payload");
    List<Signature> signatures = new ArrayList<>();
    List<JsonNode> elements = JSON.array(root, "", "signatures");
    for (int i = 0; i < elements.size(); i++) {
      String path = AttestationJson.element("", "signatures", i);
      ObjectNode signature = JSON.object(elements.get(i), path);
      signatures.add(
          new Signature(
              JSON.optionalText(signature, path, "keyid"),
              base64(JSON.requireText(signature, path, "sig"), path + ".sig")));
    }
    return new Envelope(payloadType, payload, signatures);
  }

  public static Envelope parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The JSON form, base64 in the standard alphabet with padding. */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("payloadType", payloadType);
    root.put("payload", Base64.getEncoder().encodeToString(payload));
    ArrayNode array = root.putArray("signatures");
    for (Signature signature : signatures) {
      ObjectNode element = array.addObject();
      signature.keyId().ifPresent(keyId -> element.put("keyid", keyId));
      element.put("sig", Base64.getEncoder().encodeToString(signature.sig()));
    }
    try {
      return AttestationJson.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Envelope that
        && payloadType.equals(that.payloadType)
        && Arrays.equals(payload, that.payload)
        && signatures.equals(that.signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
  }

  @Override
  public String toString() {
    return "Envelope[" + payloadType + ", " + payload.length + " bytes, " + signatures + "]";
  }

  private static byte[] base64(String text, String field) {
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    if (urlSafe && (text.indexOf('+') >= 0 || text.indexOf('/') >= 0)) {
      throw JSON.fail(field, "mixes the standard and the URL-safe base64 alphabets");
    }
    byte[] bytes;
    try {
      bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw JSON.fail(field, "not base64 (standard or URL-safe): " + e.getMessage());
    }
    // The decoder ignores the unused low bits of the last character; refusing them keeps each
    // envelope to one spelling, so that a changed byte is always a changed envelope.
    String canonical =
        (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder())
            .withoutPadding()
            .encodeToString(bytes);
    int unpadded = text.length();
    while (unpadded > 0 && text.charAt(unpadded - 1) == '=') {
      unpadded--;
    }
    if (canonical.length() != unpadded || !text.startsWith(canonical)) {
      throw JSON.fail(field, "not canonical base64: the last character's unused bits are not zero");
    }
    return bytes;
  }

  /**
   * One signature over the envelope's PAE.
   *
   * @param keyId the KEYID hint, unauthenticated: it may narrow which trusted key to try, never
   *     decide trust
   * @param sig the signature's bytes: Ed25519's 64, or ECDSA's in DER or as raw r‖s
   */
  public record Signature(Optional<String> keyId, byte[] sig) {
    public Signature {
      Objects.requireNonNull(keyId, "keyId");
      sig = Objects.requireNonNull(sig, "sig").clone();
    }

    /** A copy, so that callers cannot change this value. */
    @Override
    public byte[] sig() {
      return sig.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Signature that
          && keyId.equals(that.keyId)
          && Arrays.equals(sig, that.sig);
    }

    @Override
    public int hashCode() {
      return Objects.hash(keyId, Arrays.hashCode(sig));
    }

    @Override
    public String toString() {
      return "Signature[" + keyId.orElse("no keyid") + ", " + sig.length + " bytes]";
    }
  }
}
