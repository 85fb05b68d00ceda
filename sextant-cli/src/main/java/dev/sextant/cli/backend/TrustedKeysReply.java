package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.TrustedKeys;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** The trusted keys in a server's answer to {@code GET /api/v1/keys}. */
final class TrustedKeysReply {
  private TrustedKeysReply() {}

  /** The keys whose state is {@code trusted}, under their ids. */
  static TrustedKeys read(JsonNode reply) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (JsonNode key : reply.path("items")) {
      if (key.path("state").asText().equals("trusted")) {
        PublicKey publicKey = PublicKeys.fromPem(key.path("publicKey").asText());
        keys.put(PublicKeys.id(publicKey), publicKey);
      }
    }
    return TrustedKeys.of(keys);
  }
}
