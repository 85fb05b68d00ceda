package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a fingerprint's signature is made over.
 *
 * <p>The body is canonical JSON of {@code {"collectedAt":…, "digest":"sha256:…", "environment":…}}
 * (absent fields left out). The digest binds every fact through the layer digests, so tampering
 * with any fact breaks the signature; and a ledger entry that keeps the digest, time and signature
 * can be re-verified without the facts. Time and environment are in so that an old report cannot be
 * replayed as new, nor one host's report filed for another.
 *
 * <p>The body is wrapped as DSSE's pre-authentication encoding ({@code DSSEv1 <len> <type> <len>
 * <body>}) with its own payload type, so a signature over a fingerprint can never pass for one over
 * anything else the same key might sign.
 */
final class SignedPayload {
  static final String TYPE = "application/vnd.sextant.fingerprint+json";

  private SignedPayload() {}

  static byte[] of(Fingerprint fingerprint) {
    ObjectNode body = Fact.NODES.objectNode();
    fingerprint.collectedAt().ifPresent(time -> body.put("collectedAt", time.toString()));
    body.put("digest", fingerprint.digests().whole().value());
    fingerprint.environment().ifPresent(name -> body.put("environment", name));
    return preAuthenticationEncoding(TYPE, CanonicalJson.bytes(body));
  }

  static byte[] preAuthenticationEncoding(String type, byte[] body) {
    byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("DSSEv1 " + typeBytes.length + " ").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(typeBytes);
    out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
