package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads back the JSON objects that the stores keep as canonical JSON text. */
final class JsonText {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

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
