package dev.sextant.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, no whitespace, numbers
 * as ECMAScript prints IEEE 754 doubles, minimal string escapes, UTF-8. Any JCS implementation
 * gives the same bytes, which is what lets an auditor recompute a ledger leaf without Sextant.
 * Numbers are doubles, so an integer beyond 2^53 does not survive: the ledger writes digests and
 * ids as strings. The library takes an object or an array at the top, and refuses duplicate keys,
 * NaN and infinities, as I-JSON (which RFC 8785 builds on) does.
 */
public final class Jcs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Jcs() {}

  public static byte[] canonical(JsonNode json) {
    Optional<byte[]> direct = JcsWriter.canonical(json);
    if (direct.isPresent()) {
      return direct.get();
    }
    try {
      return canonical(MAPPER.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  public static byte[] canonical(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedUTF8();
    } catch (IOException e) {
      throw new LedgerException(
          "not JSON that RFC 8785 can canonicalise (" + e.getMessage() + ")", e);
    }
  }
}
