package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.sextant.core.resource.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON Schema of every kind, loaded once from the classpath where the project keeps them
 * ({@code dev/sextant/core/schema/<Kind>.schema.json}); the API serves the same documents.
 */
public final class SchemaCatalog {
  static final String ID_PREFIX = "https://sextant.dev/schemas/v1/";
  private static final String CLASSPATH_DIR = "dev/sextant/core/schema/";
  private static final SchemaCatalog INSTANCE = new SchemaCatalog();

  private final Map<Kind, JsonNode> documents = new EnumMap<>(Kind.class);
  private final Map<Kind, JsonSchema> compiled = new EnumMap<>(Kind.class);

  private SchemaCatalog() {
    ObjectMapper mapper = new ObjectMapper();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:" + CLASSPATH_DIR)));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    for (Kind kind : Kind.values()) {
      JsonNode document = load(mapper, fileName(kind));
      documents.put(kind, document);
      compiled.put(kind, factory.getSchema(document, config));
    }
  }

  public static SchemaCatalog get() {
    return INSTANCE;
  }

  /** The schema document of a kind, as published. */
  public JsonNode document(Kind kind) {
    return documents.get(kind).deepCopy();
  }

  JsonSchema compiled(Kind kind) {
    return compiled.get(kind);
  }

  /** A schema document by its file name, for following {@code $ref}s across files. */
  JsonNode documentNamed(String fileName) {
    for (Kind kind : Kind.values()) {
      if (fileName(kind).equals(fileName)) {
        return documents.get(kind);
      }
    }
    return null;
  }

  static String fileName(Kind kind) {
    return kind.displayName() + ".schema.json";
  }

  private static JsonNode load(ObjectMapper mapper, String fileName) {
    try (InputStream in =
        SchemaCatalog.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + fileName)) {
      if (in == null) {
        throw new IllegalStateException(
            "schema missing from the classpath: " + CLASSPATH_DIR + fileName);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + fileName, e);
    }
  }
}
