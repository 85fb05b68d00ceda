package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Metadata;
import dev.sextant.core.resource.Resource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources for tests, written as JSON the way a person would write them. Decimals are read
 * exactly, as the server's document reader reads them ({@code 0.0003} stays {@code 0.0003}, not the
 * double {@code 3.0E-4}).
 */
final class Documents {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private Documents() {}

  static Resource resource(String json) {
    try {
      ObjectNode document = (ObjectNode) JSON.readTree(json);
      Kind kind = Kind.fromDisplayName(document.path("kind").asText()).orElseThrow();
      JsonNode metadata = document.path("metadata");
      Map<String, String> labels = new TreeMap<>();
      metadata
          .path("labels")
          .fields()
          .forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
      return new Resource(
          kind, new Metadata(metadata.path("name").asText(), labels, Map.of()), document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A Service with one image and labels in {@code key=value,…} form (may be empty). */
  static Resource service(String name, String image, String labels) {
    StringBuilder json = new StringBuilder();
    json.append("{\"apiVersion\":\"sextant.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"")
        .append(name)
        .append("\",\"labels\":{");
    String separator = "";
    for (String label : labels.isEmpty() ? new String[0] : labels.split(",")) {
      String[] kv = label.split("=", 2);
      json.append(separator).append('"').append(kv[0]).append("\":\"").append(kv[1]).append('"');
      separator = ",";
    }
    json.append("}},\"spec\":{\"image\":\"").append(image).append("\",\"replicas\":3}}");
    return resource(json.toString());
  }
}
