package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads back the JSON objects that the store keeps as canonical JSON text. Numbers are read
 * exactly, as decimals, so that a document read back has the canonical form and the digest it was
 * stored with ({@code 0.0003} stays {@code 0.0003}, not the double {@code 3.0E-4}).
 */
final class JsonText {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private JsonText() {}

  /**
   * The object in the stored text.
   *
   * @throws StoreException naming {@code what} when the text is not a JSON object
   */
  static ObjectNode object(String json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new StoreException(what + " is not valid JSON", e);
    }
    throw new StoreException(what + " is not a JSON object");
  }
}
