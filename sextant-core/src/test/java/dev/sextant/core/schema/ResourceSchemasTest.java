package dev.sextant.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import dev.sextant.core.resource.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON Schema 2020-12 keywords the schemas may use; anything else is a typo. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "$ref",
          "$defs",
          "title",
          "description",
          "default",
          "examples",
          "type",
          "const",
          "enum",
          "properties",
          "patternProperties",
          "additionalProperties",
          "unevaluatedProperties",
          "required",
          "dependentRequired",
          "propertyNames",
          "minProperties",
          "maxProperties",
          "items",
          "minItems",
          "maxItems",
          "uniqueItems",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "if",
          "then",
          "else");

  /** The only objects whose contents are deliberately free-form. */
  private static final Set<String> FREE_FORM =
      Set.of("/$defs/provenance/properties/parameters", "/$defs/requirement/properties/with");

  private static JsonNode source(Kind kind) {
    try (InputStream in =
        ResourceSchemasTest.class
            .getClassLoader()
            .getResourceAsStream(SchemaValidation.resource(kind))) {
      assertThat(in).as("schema of %s on the classpath", kind).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void every_kind_has_a_schema_that_loads_by_its_id_from_the_classpath(Kind kind) {
    JsonSchema schema = SchemaValidation.schema(kind);

    assertThat(schema.getSchemaNode().path("$id").asText()).isEqualTo(SchemaValidation.id(kind));
    assertThat(schema.getSchemaNode().path("properties").path("kind").path("const").asText())
        .isEqualTo(kind.displayName());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void every_schema_is_a_valid_2020_12_schema(Kind kind) {
    JsonSchema metaSchema =
        SchemaValidation.factory()
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(source(kind))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void every_schema_is_strict_and_described(Kind kind) {
    JsonNode root = source(kind);
    List<String> problems = new ArrayList<>();
    walk(root, root, "", problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void shared_definitions_are_identical_in_every_schema() {
    Map<String, JsonNode> first = new HashMap<>();
    Map<String, Kind> firstKind = new HashMap<>();
    List<String> differences = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      source(kind)
          .path("$defs")
          .fields()
          .forEachRemaining(
              def -> {
                JsonNode seen = first.putIfAbsent(def.getKey(), def.getValue());
                firstKind.putIfAbsent(def.getKey(), kind);
                if (seen != null && !seen.equals(def.getValue())) {
                  differences.add(
                      def.getKey()
                          + " differs between "
                          + firstKind.get(def.getKey())
                          + " and "
                          + kind);
                }
              });
    }

    assertThat(differences).isEmpty();
    assertThat(first).containsKeys("metadata", "dnsLabel", "labels", "duration");
  }

  static List<Path> exampleFiles() {
    return Examples.files();
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void every_example_is_valid(Path file) {
    assertThat(SchemaValidation.validate(Examples.read(file))).isEmpty();
  }

  @Test
  void the_examples_declare_every_kind() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Path file : Examples.files()) {
      Kind kind = Kind.fromDisplayName(Examples.read(file).path("kind").asText()).orElseThrow();
      counts.merge(kind, 1, Integer::sum);
      assertThat(file.getParent().getFileName().toString())
          .as("folder of %s", file)
          .isEqualTo(kind.plural());
    }

    assertThat(counts.keySet()).isEqualTo(EnumSet.allOf(Kind.class));
    assertThat(counts.get(Kind.ENVIRONMENT)).isEqualTo(4);
  }

  /** Checks one schema and the schemas inside it. */
  private static void walk(JsonNode root, JsonNode schema, String at, List<String> problems) {
    if (!schema.isObject()) {
      return;
    }
    schema
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!KEYWORDS.contains(k)) {
                problems.add(at + ": unknown keyword " + k);
              }
            });
    JsonNode ref = schema.get("$ref");
    if (ref != null && root.at(ref.asText().substring(1)).isMissingNode()) {
      problems.add(at + ": $ref " + ref.asText() + " resolves to nothing");
    }
    if (isObjectType(schema)) {
      JsonNode additional = schema.get("additionalProperties");
      if (additional == null && !schema.has("unevaluatedProperties")) {
        problems.add(at + ": an object without additionalProperties");
      } else if (additional != null
          && additional.isBoolean()
          && additional.booleanValue()
          && !FREE_FORM.contains(at)) {
        problems.add(at + ": free-form object not on the list of deliberate ones");
      }
      schema
          .path("properties")
          .fields()
          .forEachRemaining(
              p -> {
                if (!p.getValue().has("description")) {
                  problems.add(at + "/properties/" + p.getKey() + ": no description");
                }
              });
    }
    for (String keyword : List.of("$defs", "properties", "patternProperties")) {
      schema
          .path(keyword)
          .fields()
          .forEachRemaining(
              e -> walk(root, e.getValue(), at + "/" + keyword + "/" + e.getKey(), problems));
    }
    for (String keyword :
        List.of("items", "additionalProperties", "propertyNames", "if", "then", "else", "not")) {
      walk(root, schema.path(keyword), at + "/" + keyword, problems);
    }
    for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode branches = schema.path(keyword);
      for (int i = 0; i < branches.size(); i++) {
        walk(root, branches.get(i), at + "/" + keyword + "/" + i, problems);
      }
    }
  }

  private static boolean isObjectType(JsonNode schema) {
    JsonNode type = schema.path("type");
    return type.isTextual()
        ? type.asText().equals("object")
        : type.isArray()
            && Arrays.asList(JSON.convertValue(type, String[].class)).contains("object");
  }
}
