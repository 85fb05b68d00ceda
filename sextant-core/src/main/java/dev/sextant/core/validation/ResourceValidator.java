package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Metadata;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.InvalidSpecException;
import dev.sextant.core.resource.spec.Specs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one document as {@code kubectl --validate=strict} would: the apiVersion and kind first
 * (with a suggestion for a misspelt kind), then the kind's JSON Schema, then the rules a schema
 * cannot state. Reports every problem found, each with its position.
 */
public final class ResourceValidator {
  private static final List<String> KIND_NAMES =
      Arrays.stream(Kind.values()).map(Kind::displayName).toList();

  private final SchemaCatalog catalog;

  public ResourceValidator() {
    this.catalog = SchemaCatalog.get();
  }

  /** A validated resource, or the problems that stop it from being one. */
  public record Outcome(Optional<Resource> resource, List<Problem> problems) {}

  public Outcome validate(SourceDocument document) {
    JsonNode tree = document.tree();
    if (!tree.isObject()) {
      return failed(
          document,
          FieldPath.ROOT,
          "expected a mapping with apiVersion, kind, metadata and spec, found " + describe(tree));
    }
    List<Problem> problems = new ArrayList<>();
    checkApiVersion(document, problems);
    Optional<Kind> kind = checkKind(document, problems);
    if (kind.isEmpty() || !problems.isEmpty()) {
      return new Outcome(Optional.empty(), problems);
    }
    JsonNode schema = catalog.document(kind.get());
    List<ValidationMessage> messages = new ArrayList<>(catalog.compiled(kind.get()).validate(tree));
    problems.addAll(new SchemaProblems(catalog, schema, document).convert(messages));
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), problems);
    }
    Resource resource = new Resource(kind.get(), metadata(tree.get("metadata")), (ObjectNode) tree);
    try {
      // Reading the typed spec checks what a schema cannot: positive durations, unique names, …
      Specs.read(resource);
    } catch (InvalidSpecException e) {
      FieldPath field = FieldPath.parse(e.field());
      return failed(document, field, e.reason());
    }
    return new Outcome(Optional.of(resource), List.of());
  }

  private void checkApiVersion(SourceDocument document, List<Problem> problems) {
    JsonNode apiVersion = document.tree().get("apiVersion");
    FieldPath field = FieldPath.ROOT.child("apiVersion");
    if (apiVersion == null) {
      problems.add(
          problem(
              document,
              FieldPath.ROOT,
              field,
              "required field is missing; expected \"" + Kind.API_VERSION + "\""));
    } else if (!apiVersion.isTextual() || !apiVersion.asText().equals(Kind.API_VERSION)) {
      problems.add(
          problem(
              document,
              field,
              field,
              "unsupported apiVersion "
                  + quoted(apiVersion)
                  + "; expected \""
                  + Kind.API_VERSION
                  + "\""));
    }
  }

  private Optional<Kind> checkKind(SourceDocument document, List<Problem> problems) {
    JsonNode kind = document.tree().get("kind");
    FieldPath field = FieldPath.ROOT.child("kind");
    if (kind == null) {
      problems.add(
          problem(
              document,
              FieldPath.ROOT,
              field,
              "required field is missing; expected one of " + String.join(", ", KIND_NAMES)));
      return Optional.empty();
    }
    Optional<Kind> known =
        kind.isTextual() ? Kind.fromDisplayName(kind.asText()) : Optional.empty();
    if (known.isEmpty()) {
      String typed = kind.isTextual() ? kind.asText() : kind.toString();
      String hint = DidYouMean.hint(typed, KIND_NAMES);
      problems.add(
          problem(
              document,
              field,
              field,
              "unknown kind "
                  + quoted(kind)
                  + (hint.isEmpty()
                      ? "; expected one of " + String.join(", ", KIND_NAMES)
                      : hint)));
    }
    return known;
  }

  private static Metadata metadata(JsonNode metadata) {
    return new Metadata(
        metadata.get("name").asText(),
        strings(metadata.get("labels")),
        strings(metadata.get("annotations")));
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static Outcome failed(SourceDocument document, FieldPath at, String message) {
    return new Outcome(Optional.empty(), List.of(problem(document, at, at, message)));
  }

  private static Problem problem(
      SourceDocument document, FieldPath at, FieldPath field, String message) {
    return new Problem(
        document.source(), document.locations().valueOf(at), field.toString(), message);
  }

  private static String quoted(JsonNode node) {
    return node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case STRING -> "the text \"" + node.asText() + "\"";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
