package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns JSON Schema validation messages into problems a person can act on: the field as written,
 * its line and column, what was expected and what was found, and a suggestion for a misspelt
 * name. The schema itself supplies the vocabulary (its property names, enums and the
 * {@code x-expected} phrase of a pattern), so the messages stay true as the schemas evolve.
 */
final class SchemaProblems {
  private static final int MAX_LISTED = 12;

  private final SchemaCatalog catalog;
  private final JsonNode ownSchema;
  private final SourceDocument document;

  SchemaProblems(SchemaCatalog catalog, JsonNode ownSchema, SourceDocument document) {
    this.catalog = catalog;
    this.ownSchema = ownSchema;
    this.document = document;
  }

  List<Problem> convert(Collection<ValidationMessage> messages) {
    Set<String> composites = new TreeSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("oneOf") || m.getType().equals("anyOf")) {
        composites.add(m.getEvaluationPath().toString());
      }
    }
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String evaluation = m.getEvaluationPath().toString();
      // A failed oneOf/anyOf is explained once, by what its alternatives need, not branch by branch.
      boolean insideComposite = composites.stream().anyMatch(c -> evaluation.startsWith(c + "/"));
      if (!insideComposite) {
        problems.add(convert(m));
      }
    }
    return problems.stream().distinct().sorted(Problem.ORDER).toList();
  }

  private Problem convert(ValidationMessage m) {
    FieldPath path = pathOf(m.getInstanceLocation());
    JsonNode schema = parentSchema(m);
    JsonNode instance = m.getInstanceNode();
    return switch (m.getType()) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String name = m.getProperty();
        FieldPath field = path.child(name);
        Set<String> known = propertyNames(schema);
        String message = "unknown field \"" + name + "\"" + DidYouMean.hint(name, known) + listed("; expected one of: ", known);
        yield problem(document.locations().keyOf(field), field, message);
      }
      case "required" -> {
        FieldPath field = path.child(m.getProperty());
        yield problem(document.locations().valueOf(path), field, "required field is missing");
      }
      case "type" -> problem(at(path), path, "expected " + expectedTypes(schema.get("type")) + ", found " + found(path, instance) + quoteHint(schema.get("type"), instance));
      case "enum" -> {
        List<String> allowed = texts(schema.get("enum"));
        String typed = instance.isTextual() ? instance.asText() : instance.toString();
        yield problem(at(path), path, "expected one of " + String.join(", ", allowed) + ", found " + found(path, instance) + DidYouMean.hint(typed, allowed));
      }
      case "const" -> problem(at(path), path, "expected " + schema.get("const") + ", found " + found(path, instance));
      case "pattern" -> {
        JsonNode phrase = schema.get("x-expected");
        String expected = phrase != null ? phrase.asText() : "text matching " + schema.get("pattern").asText();
        yield problem(at(path), path, "expected " + expected + ", found " + found(path, instance));
      }
      case "minimum" -> problem(at(path), path, "expected at least " + schema.get("minimum") + ", found " + found(path, instance));
      case "maximum" -> problem(at(path), path, "expected at most " + schema.get("maximum") + ", found " + found(path, instance));
      case "exclusiveMinimum" -> problem(at(path), path, "expected more than " + schema.get("exclusiveMinimum") + ", found " + found(path, instance));
      case "exclusiveMaximum" -> problem(at(path), path, "expected less than " + schema.get("exclusiveMaximum") + ", found " + found(path, instance));
      case "minItems" -> problem(at(path), path, "expected at least " + schema.get("minItems") + " item(s), found " + instance.size());
      case "maxItems" -> problem(at(path), path, "expected at most " + schema.get("maxItems") + " item(s), found " + instance.size());
      case "minLength" -> problem(at(path), path, "expected at least " + schema.get("minLength") + " character(s), found " + found(path, instance));
      case "maxLength" -> problem(at(path), path, "expected at most " + schema.get("maxLength") + " characters, found " + instance.asText().length());
      case "minProperties" -> problem(at(path), path, "expected at least " + schema.get("minProperties") + " field(s), found " + instance.size());
      case "maxProperties" -> problem(at(path), path, "expected at most " + schema.get("maxProperties") + " field(s), found " + instance.size());
      case "uniqueItems" -> problem(at(path), path, "expected every item to be different, found a repeated item");
      case "oneOf" -> problem(at(path), path, "expected exactly one of " + alternatives(schema.get("oneOf")) + ", found " + present(instance));
      case "anyOf" -> problem(at(path), path, "expected at least one of " + alternatives(schema.get("anyOf")) + ", found " + present(instance));
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
    JsonNodePath fragment = location.getFragment();
    JsonNode node = root;
    for (int i = 0; i < fragment.getNameCount() - 1 && node != null; i++) {
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
    String text = document.locations().textOf(path).orElse(instance.isTextual() ? "\"" + instance.asText() + "\"" : instance.toString());
    if (instance.isTextual() && !text.startsWith("\"") && !text.startsWith("'")) {
      text = "\"" + text + "\"";
    }
    return kind + abbreviate(text);
  }

  private String quoteHint(JsonNode type, JsonNode instance) {
    boolean wantsString = type != null && texts(type.isArray() ? type : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(type)).contains("string");
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
    return colon > 0 && message.startsWith("/") || message.startsWith("$") ? message.substring(colon + 2) : message;
  }
}
