package dev.sextant.core.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one layer of an attestation field by field, naming the field on every refusal. Duplicate
 * keys are refused: two parsers that each keep a different one of them would see two statements
 * under one signature. As the in-toto parsing rules require, unknown fields are ignored and an
 * unset, null or empty field means the same.
 */
final class AttestationJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String layer;

  AttestationJson(String layer) {
    this.layer = layer;
  }

  ObjectNode read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw fail("", "not JSON: " + e.getOriginalMessage() + locationOf(e));
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory does no I/O", e);
    }
    if (root == null || root.isMissingNode()) {
      throw fail("", "empty, expected a JSON object");
    }
    return object(root, "");
  }

  ObjectNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw fail(path, "expected an object, found " + kind(node));
    }
    return (ObjectNode) node;
  }

  String requireText(ObjectNode parent, String path, String name) {
    return optionalText(parent, path, name)
        .orElseThrow(() -> fail(join(path, name), "required, missing"));
  }

  /** A string field as written, which may be empty; refuses a missing one. */
  String requireTextMayBeEmpty(ObjectNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw fail(join(path, name), "required, missing");
    }
    if (!node.isTextual()) {
      throw fail(join(path, name), "expected a string, found " + kind(node));
    }
    return node.textValue();
  }

  Optional<String> optionalText(ObjectNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw fail(join(path, name), "expected a string, found " + kind(node));
    }
    return node.textValue().isEmpty() ? Optional.empty() : Optional.of(node.textValue());
  }

  ObjectNode requireObject(ObjectNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw fail(join(path, name), "required, missing");
    }
    return object(node, join(path, name));
  }

  ObjectNode optionalObject(ObjectNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return object(node, join(path, name));
  }

  /** The elements of an array field, an unset one being empty. */
  List<JsonNode> array(ObjectNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw fail(join(path, name), "expected an array, found " + kind(node));
    }
    List<JsonNode> elements = new ArrayList<>();
    ((ArrayNode) node).forEach(elements::add);
    return elements;
  }

  MalformedAttestationException fail(String field, String problem) {
    return new MalformedAttestationException(layer, field, problem);
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String element(String path, String name, int index) {
    return join(path, name) + "[" + index + "]";
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
