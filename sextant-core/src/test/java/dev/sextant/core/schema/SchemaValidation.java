package dev.sextant.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sextant.core.resource.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the resource schemas the way the validator does: by their {@code $id}, mapped to the
 * classpath, so that nothing is fetched over the network.
 */
public final class SchemaValidation {
  public static final String ID_PREFIX = "https://sextant.dev/schemas/v1/";
  public static final String CLASSPATH_PREFIX = "classpath:dev/sextant/core/schema/";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)));
  private static final Map<Kind, JsonSchema> SCHEMAS = new EnumMap<>(Kind.class);

  private SchemaValidation() {}

  public static JsonSchemaFactory factory() {
    return FACTORY;
  }

  public static String id(Kind kind) {
    return ID_PREFIX + kind.displayName() + ".schema.json";
  }

  /** The classpath resource of a kind's schema, without the {@code classpath:} scheme. */
  public static String resource(Kind kind) {
    return "dev/sextant/core/schema/" + kind.displayName() + ".schema.json";
  }

  public static synchronized JsonSchema schema(Kind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> FACTORY.getSchema(SchemaLocation.of(id(k))));
  }

  public static List<ValidationMessage> validate(Kind kind, JsonNode document) {
    return schema(kind).validate(document).stream().toList();
  }

  /** Validates against the schema of the kind the document names. */
  public static List<ValidationMessage> validate(JsonNode document) {
    Kind kind =
        Kind.fromDisplayName(document.path("kind").asText())
            .orElseThrow(() -> new AssertionError("no kind in " + document));
    return validate(kind, document);
  }

  /**
   * Each message as {@code "<keyword> at <instance location>"}, or {@code "<keyword>(<property>) at
   * <instance location>"} when it is about a property (required, additionalProperties…).
   */
  public static List<String> violations(Kind kind, JsonNode document) {
    return validate(kind, document).stream()
        .map(
            m ->
                m.getType()
                    + (m.getProperty() == null ? "" : "(" + m.getProperty() + ")")
                    + " at "
                    + m.getInstanceLocation())
        .toList();
  }
}
