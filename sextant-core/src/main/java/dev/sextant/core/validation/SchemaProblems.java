package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns JSON Schema validation messages into problems a person can act on: the field as written,
 * its line and column, what was expected and what was found, and a suggestion for a misspelt name.
 * The schema itself supplies the vocabulary (its property names, enums and the {@code title} that
 * names a pattern in words), so the messages stay true as the schemas evolve.
 */
final class SchemaProblems {
  private static final int MAX_LISTED = 12;
  private static final String SECRET_REFERENCE = "/$defs/secretReference/";
  private static final String CREDENTIAL_FREE_URL = "/$defs/credentialFree";
  private static final String SECRET_ENV_VALUE = "/$defs/envSecret/type";

  private final SchemaCatalog catalog;
  private final JsonNode ownSchema;
  private final SourceDocument document;

  SchemaProblems(SchemaCatalog catalog, JsonNode ownSchema, SourceDocument document) {
    this.catalog = catalog;
    this.ownSchema = ownSchema;
    this.document = document;
  }

  List<Problem> convert(Collection<ValidationMessage> messages) {
    List<Problem> problems = new ArrayList<>();
    Map<String, List<ValidationMessage>> composites = new LinkedHashMap<>();
    for (ValidationMessage m : messages) {
      int at = compositeIndex(m.getEvaluationPath());
      if (at < 0) {
        problems.add(convert(m));
      } else {
        composites
            .computeIfAbsent(prefix(m.getEvaluationPath(), at + 1), k -> new ArrayList<>())
            .add(m);
      }
    }
    composites.values().forEach(group -> problems.addAll(composite(group)));
    return problems.stream().distinct().sorted(Problem.ORDER).toList();
  }

  /**
   * A failed oneOf/anyOf is explained once, by what its alternatives require, rather than branch by
   * branch; when the alternatives are more than sets of required fields, each message stands.
   */
  private List<Problem> composite(List<ValidationMessage> group) {
    ValidationMessage first = group.get(0);
    JsonNodePath location = first.getSchemaLocation().getFragment();
    int at = compositeIndex(location);
    JsonNode branches = schemaAt(first, location, at + 1);
    String keyword = location.getName(at);
    boolean requiredOnly = branches.isArray() && branches.size() > 0;
    for (JsonNode branch : branches) {
      requiredOnly &= branch.has("required");
    }
    if (!requiredOnly) {
      return group.stream().filter(m -> !m.getType().equals(keyword)).map(this::convert).toList();
    }
    FieldPath path =
        group.stream()
            .map(m -> pathOf(m.getInstanceLocation()))
            .min(java.util.Comparator.comparingInt(FieldPath::depth))
            .orElseThrow();
    JsonNode instance = document.tree().at(path.pointer());
    String quantifier = keyword.equals("oneOf") ? "exactly one of " : "at least one of ";
    return List.of(
        problem(
            at(path),
            path,
            "expected " + quantifier + alternatives(branches) + ", found " + present(instance)));
  }

  private static int compositeIndex(JsonNodePath path) {
    for (int i = 0; i < path.getNameCount(); i++) {
      String name = path.getName(i);
      if (name.equals("oneOf") || name.equals("anyOf")) {
        return i;
      }
    }
    return -1;
  }

  private static String prefix(JsonNodePath path, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append('/').append(path.getName(i));
    }
    return out.toString();
  }

  private Problem convert(ValidationMessage m) {
    FieldPath path = pathOf(m.getInstanceLocation());
    JsonNode schema = parentSchema(m);
    JsonNode instance = m.getInstanceNode();
    String location = m.getSchemaLocation().toString();
    if (location.contains(CREDENTIAL_FREE_URL)) {
      // A URL refused for credentials in it would show them.
      return problem(
          at(path),
          path,
          "expected "
              + schema.path("title").asText("an http or https URL")
              + ", found a value that is not one (not shown, in case it holds a password)");
    }
    if (location.contains(SECRET_REFERENCE)) {
      // What was written where a reference belongs may be the secret itself: never repeat it.
      return problem(
          at(path),
          path,
          "expected a secret reference (env:NAME, file:/path or vault:mount/path#key), found a"
              + " value that is not one (not shown, in case it is the secret itself); keep the"
              + " secret in an environment variable, a file or Vault and use its reference here");
    }
    if (location.endsWith(SECRET_ENV_VALUE)) {
      // A value written under a secret's name is most likely the secret: never repeat it.
      return problem(
          at(path),
          path,
          "expected "
              + schema.path("title").asText("{secretRef: env:NAME}")
              + ", found a value written in place (not shown, in case it is the secret itself);"
              + " keep the secret in an environment variable, a file or Vault and use its"
              + " reference here");
    }
    return switch (m.getType()) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String name = m.getProperty();
        FieldPath field = path.child(name);
        Set<String> known = propertyNames(schema);
        String hint = DidYouMean.hint(name, known);
        String message =
            "unknown field \""
                + name
                + "\""
                + (hint.isEmpty() ? listed("; expected one of: ", known) : hint);
        yield problem(document.locations().keyOf(field), field, message);
      }
      case "required" -> {
        FieldPath field = path.child(m.getProperty());
        yield problem(document.locations().valueOf(path), field, "required field is missing");
      }
      case "type" ->
          problem(
              at(path),
              path,
              "expected "
                  + expectedTypes(schema.get("type"))
                  + ", found "
                  + found(path, instance)
                  + quoteHint(schema.get("type"), instance));
      case "enum" -> {
        List<String> allowed = texts(schema.get("enum"));
        String typed = instance.isTextual() ? instance.asText() : instance.toString();
        yield problem(
            at(path),
            path,
            "expected one of "
                + String.join(", ", allowed)
                + ", found "
                + found(path, instance)
                + DidYouMean.hint(typed, allowed));
      }
      case "const" ->
          problem(
              at(path),
              path,
              "expected " + schema.get("const") + ", found " + found(path, instance));
      case "pattern" -> {
        JsonNode phrase = schema.get("title");
        String expected =
            phrase != null ? phrase.asText() : "text matching " + schema.get("pattern").asText();
        yield problem(at(path), path, "expected " + expected + ", found " + found(path, instance));
      }
      case "minimum" ->
          problem(
              at(path),
              path,
              "expected at least " + schema.get("minimum") + ", found " + found(path, instance));
      case "maximum" ->
          problem(
              at(path),
              path,
              "expected at most " + schema.get("maximum") + ", found " + found(path, instance));
      case "exclusiveMinimum" ->
          problem(
              at(path),
              path,
              "expected more than "
                  + schema.get("exclusiveMinimum")
                  + ", found "
                  + found(path, instance));
      case "exclusiveMaximum" ->
          problem(
              at(path),
              path,
              "expected less than "
                  + schema.get("exclusiveMaximum")
                  + ", found "
                  + found(path, instance));
      case "minItems" ->
          problem(
              at(path),
              path,
              "expected at least " + schema.get("minItems") + " item(s), found " + instance.size());
      case "maxItems" ->
          problem(
              at(path),
              path,
              "expected at most " + schema.get("maxItems") + " item(s), found " + instance.size());
      case "minLength" ->
          problem(
              at(path),
              path,
              "expected at least "
                  + schema.get("minLength")
                  + " character(s), found "
                  + found(path, instance));
      case "maxLength" ->
          problem(
              at(path),
              path,
              "expected at most "
                  + schema.get("maxLength")
                  + " characters, found "
                  + instance.asText().length());
      case "minProperties" ->
          problem(
              at(path),
              path,
              "expected at least "
                  + schema.get("minProperties")
                  + " field(s), found "
                  + instance.size());
      case "maxProperties" ->
          problem(
              at(path),
              path,
              "expected at most "
                  + schema.get("maxProperties")
                  + " field(s), found "
                  + instance.size());
      case "uniqueItems" ->
          problem(at(path), path, "expected every item to be different, found a repeated item");
      case "propertyNames" -> {
        FieldPath field = path.child(m.getProperty());
        yield problem(
            document.locations().keyOf(field),
            field,
            "invalid key \"" + m.getProperty() + "\": " + stripLocation(m.getMessage()));
      }
      default -> problem(at(path), path, stripLocation(m.getMessage()));
    };
  }

  private Problem problem(Position position, FieldPath field, String message) {
    return new Problem(document.source(), position, field.toString(), message);
  }

  private Position at(FieldPath path) {
    return document.locations().valueOf(path);
  }

  private static FieldPath pathOf(JsonNodePath location) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      elements.add(location.getElement(i));
    }
    return FieldPath.of(elements);
  }

  /** The schema object holding the keyword that failed, found by the keyword's location. */
  private JsonNode parentSchema(ValidationMessage m) {
    JsonNodePath fragment = m.getSchemaLocation().getFragment();
    return schemaAt(m, fragment, fragment.getNameCount() - 1);
  }

  /** The node at the first {@code count} segments of a schema location. */
  private JsonNode schemaAt(ValidationMessage m, JsonNodePath fragment, int count) {
    var location = m.getSchemaLocation();
    JsonNode root = ownSchema;
    String iri = location.getAbsoluteIri() == null ? "" : location.getAbsoluteIri().toString();
    String file = iri.substring(iri.lastIndexOf('/') + 1);
    if (!file.isEmpty()) {
      JsonNode other = catalog.documentNamed(file);
      if (other != null) {
        root = other;
      }
    }
    JsonNode node = root;
    for (int i = 0; i < count && node != null; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get((String) element);
    }
    return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }

  private static Set<String> propertyNames(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static String listed(String prefix, Set<String> names) {
    return names.isEmpty() || names.size() > MAX_LISTED ? "" : prefix + String.join(", ", names);
  }

  private static String expectedTypes(JsonNode type) {
    if (type == null) {
      return "another type";
    }
    List<String> names = type.isArray() ? texts(type) : List.of(type.asText());
    return names.stream().map(SchemaProblems::article).collect(Collectors.joining(" or "));
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  private String found(FieldPath path, JsonNode instance) {
    String kind =
        switch (instance.getNodeType()) {
          case OBJECT -> "a mapping";
          case ARRAY -> "a list";
          case STRING -> "";
          case NUMBER -> "a number ";
          case BOOLEAN -> "a boolean ";
          case NULL -> "nothing (null)";
          default -> "";
        };
    if (instance.isContainerNode() || instance.isNull()) {
      return kind;
    }
    String text =
        document
            .locations()
            .textOf(path)
            .orElse(instance.isTextual() ? "\"" + instance.asText() + "\"" : instance.toString());
    if (instance.isTextual() && !text.startsWith("\"") && !text.startsWith("'")) {
      text = "\"" + text + "\"";
    }
    return kind + abbreviate(text);
  }

  private String quoteHint(JsonNode type, JsonNode instance) {
    boolean wantsString =
        type != null
            && texts(
                    type.isArray()
                        ? type
                        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .arrayNode()
                            .add(type))
                .contains("string");
    if (wantsString && (instance.isNumber() || instance.isBoolean())) {
      return "; quote it to keep it as text";
    }
    return "";
  }

  private static String alternatives(JsonNode branches) {
    if (branches == null || !branches.isArray()) {
      return "the allowed forms";
    }
    List<String> forms = new ArrayList<>();
    for (JsonNode branch : branches) {
      JsonNode required = branch.get("required");
      if (required == null) {
        return "the allowed forms";
      }
      forms.add(String.join(" + ", texts(required)));
    }
    return "{" + String.join("} or {", forms) + "}";
  }

  private static String present(JsonNode instance) {
    if (!instance.isObject()) {
      return "a " + instance.getNodeType().name().toLowerCase(Locale.ROOT);
    }
    List<String> names = new ArrayList<>();
    instance.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no fields" : "{" + String.join(", ", names) + "}";
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && message.startsWith("/") || message.startsWith("$")
        ? message.substring(colon + 2)
        : message;
  }
}
