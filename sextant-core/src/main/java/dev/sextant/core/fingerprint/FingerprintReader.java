package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.Locations;
import dev.sextant.core.document.NumberBounds;
import dev.sextant.core.document.ReadResult;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.validation.DidYouMean;
import dev.sextant.core.validation.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads one fingerprint document, collecting every problem with its position. */
final class FingerprintReader {
  private static final List<String> FIELDS =
      List.of("facts", "collectedAt", "environment", "signature", "digests");
  private static final List<String> EXPLICIT_FIELDS = List.of("type", "value", "unit");
  private static final List<String> SIGNATURE_FIELDS = List.of("keyId", "algorithm", "value");
  private static final List<String> DIGEST_FIELDS =
      List.of("fingerprint", "platform", "dependencies", "artifacts");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final FieldPath FACTS = FieldPath.ROOT.child("facts");

  private final String source;
  private final Locations locations;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  private FingerprintReader(String source, Locations locations) {
    this.source = source;
    this.locations = locations;
  }

  static ParsedFingerprint read(String source, byte[] bytes, DocumentReader documents) {
    ReadResult read = documents.read(source, bytes);
    if (!read.ok()) {
      return new ParsedFingerprint(Optional.empty(), read.problems());
    }
    SourceDocument first = read.documents().get(0);
    if (read.documents().size() > 1) {
      SourceDocument second = read.documents().get(1);
      return failed(
          new Problem(
              source,
              second.start(),
              "",
              "found "
                  + read.documents().size()
                  + " documents; a fingerprint file holds exactly one"));
    }
    FingerprintReader reader = new FingerprintReader(source, first.locations());
    Optional<Fingerprint> fingerprint = reader.fingerprint(first.tree());
    return reader.problems.isEmpty()
        ? new ParsedFingerprint(fingerprint, List.of(), reader.warnings)
        : new ParsedFingerprint(Optional.empty(), reader.problems, reader.warnings);
  }

  private static ParsedFingerprint failed(Problem problem) {
    return new ParsedFingerprint(Optional.empty(), List.of(problem));
  }

  private Optional<Fingerprint> fingerprint(JsonNode root) {
    if (!root.isObject()) {
      atValue(
          FieldPath.ROOT,
          "found " + FactType.describe(root) + "; expected a mapping with a facts field");
      return Optional.empty();
    }
    unknownFields(root, FieldPath.ROOT, FIELDS);
    Map<String, Fact> facts = root.has("facts") ? facts(root.get("facts")) : missing("facts");
    Optional<Instant> collectedAt =
        Optional.ofNullable(root.get("collectedAt")).flatMap(this::collectedAt);
    Optional<String> environment =
        Optional.ofNullable(root.get("environment")).flatMap(this::environment);
    Optional<FingerprintSignature> signature =
        Optional.ofNullable(root.get("signature")).flatMap(this::signature);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    Fingerprint fingerprint =
        new Fingerprint(new TreeMap<>(facts), collectedAt, environment, signature);
    Optional.ofNullable(root.get("digests"))
        .ifPresent(digests -> checkDigests(digests, fingerprint.digests()));
    return Optional.of(fingerprint);
  }

  private Map<String, Fact> missing(String field) {
    atValue(
        FieldPath.ROOT,
        "missing required field "
            + field
            + " (a mapping of fact keys to values, such as os.id: debian)");
    return Map.of();
  }

  private Map<String, Fact> facts(JsonNode node) {
    Map<String, Fact> facts = new TreeMap<>();
    if (!node.isObject()) {
      atValue(
          FACTS,
          "found " + FactType.describe(node) + "; expected a mapping of fact keys to values");
      return facts;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      FieldPath path = FACTS.child(entry.getKey());
      if (!FactKeys.isValid(entry.getKey())) {
        atKey(path, invalid(() -> FactKeys.check(entry.getKey())));
        continue;
      }
      KnownFacts.unknown(entry.getKey())
          .ifPresent(
              warning ->
                  warnings.add(
                      new Problem(source, locations.keyOf(path), path.toString(), warning)));
      fact(entry.getKey(), entry.getValue(), path)
          .ifPresent(fact -> facts.put(entry.getKey(), fact));
    }
    return facts;
  }

  private Optional<Fact> fact(String key, JsonNode value, FieldPath path) {
    if (value.isObject()) {
      return explicit(value, path);
    }
    try {
      return Optional.of(FactTypes.fact(key, value, locations.textOf(path)));
    } catch (IllegalArgumentException e) {
      atValue(path, e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code {type: quantity, value: 24Gi}}, and for other units {@code {..., unit: W}}. */
  private Optional<Fact> explicit(JsonNode node, FieldPath path) {
    unknownFields(node, path, EXPLICIT_FIELDS);
    JsonNode typeNode = node.get("type");
    JsonNode value = node.get("value");
    if (typeNode == null || value == null) {
      atValue(
          path,
          "the explicit form needs both type and value, such as {type: version, value: \"12.2\"}");
      return Optional.empty();
    }
    Optional<FactType> type =
        typeNode.isTextual() ? FactType.named(typeNode.textValue()) : Optional.empty();
    if (type.isEmpty()) {
      atValue(
          path.child("type"),
          "found "
              + FactType.describe(typeNode)
              + "; expected one of "
              + String.join(", ", FactType.words())
              + (typeNode.isTextual()
                  ? DidYouMean.hint(typeNode.textValue(), FactType.words())
                  : ""));
      return Optional.empty();
    }
    JsonNode unit = node.get("unit");
    if (unit != null && type.get() != FactType.QUANTITY) {
      atKey(path.child("unit"), "only a quantity has a unit; this fact is a " + type.get().word());
      return Optional.empty();
    }
    if (unit != null && (!unit.isTextual() || unit.textValue().isBlank())) {
      atValue(
          path.child("unit"),
          "found " + FactType.describe(unit) + "; expected a unit such as bytes");
      return Optional.empty();
    }
    FieldPath valuePath = path.child("value");
    try {
      if (unit != null && !unit.textValue().equals("bytes")) {
        return Optional.of(new Fact.Quantity(amount(value), unit.textValue()));
      }
      return Optional.of(type.get().read(value, locations.textOf(valuePath)));
    } catch (IllegalArgumentException e) {
      atValue(valuePath, e.getMessage());
      return Optional.empty();
    }
  }

  private static BigDecimal amount(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
      NumberBounds.problem(value.textValue())
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
      return new BigDecimal(value.textValue());
    }
    throw new IllegalArgumentException(
        "found "
            + FactType.describe(value)
            + "; a quantity in a unit other than bytes is a plain number");
  }

  private Optional<Instant> collectedAt(JsonNode node) {
    FieldPath path = FieldPath.ROOT.child("collectedAt");
    if (node.isTextual()) {
      try {
        return Optional.of(
            OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    atValue(
        path,
        "found "
            + FactType.describe(node)
            + "; expected an RFC 3339 time such as 2024-05-01T12:00:00Z");
    return Optional.empty();
  }

  private Optional<String> environment(JsonNode node) {
    FieldPath path = FieldPath.ROOT.child("environment");
    if (!node.isTextual()) {
      atValue(
          path,
          "found " + FactType.describe(node) + "; expected the name of an environment or host");
      return Optional.empty();
    }
    String problem = invalid(() -> Fingerprint.checkEnvironment(node.textValue()));
    if (problem != null) {
      atValue(path, problem);
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  private Optional<FingerprintSignature> signature(JsonNode node) {
    FieldPath path = FieldPath.ROOT.child("signature");
    if (!node.isObject()) {
      atValue(
          path,
          "found " + FactType.describe(node) + "; expected {keyId, algorithm: ed25519, value}");
      return Optional.empty();
    }
    int before = problems.size();
    unknownFields(node, path, SIGNATURE_FIELDS);
    String keyId = text(node, path, "keyId", "16 lower-case hex digits");
    String algorithm = text(node, path, "algorithm", FingerprintSignature.ALGORITHM);
    String value = text(node, path, "value", "a 64-byte signature in base64");
    if (keyId != null && !FingerprintSignature.KEY_ID.matcher(keyId).matches()) {
      atValue(
          path.child("keyId"),
          "\"" + keyId + "\" is not a key id; expected 16 lower-case hex digits");
    }
    if (algorithm != null && !algorithm.equals(FingerprintSignature.ALGORITHM)) {
      atValue(
          path.child("algorithm"),
          "\"" + algorithm + "\" is not supported; expected " + FingerprintSignature.ALGORITHM);
    }
    if (value != null && FingerprintSignature.decode(value) == null) {
      atValue(
          path.child("value"),
          "expected a 64-byte Ed25519 signature in standard base64 (88 characters)");
    }
    return problems.size() == before
        ? Optional.of(new FingerprintSignature(keyId, value))
        : Optional.empty();
  }

  /**
   * Digests in a file are informative, written so people can compare fingerprints at a glance; when
   * present they must still be true, or the file says one thing and means another.
   */
  private void checkDigests(JsonNode node, FingerprintDigests computed) {
    FieldPath path = FieldPath.ROOT.child("digests");
    if (!node.isObject()) {
      atValue(
          path,
          "found "
              + FactType.describe(node)
              + "; expected {fingerprint, platform, dependencies, artifacts}");
      return;
    }
    unknownFields(node, path, DIGEST_FIELDS);
    for (String field : DIGEST_FIELDS) {
      JsonNode written = node.get(field);
      if (written == null) {
        continue;
      }
      Digest expected =
          field.equals("fingerprint")
              ? computed.whole()
              : computed.layer(Layer.valueOf(field.toUpperCase(java.util.Locale.ROOT)));
      if (!written.isTextual() || !written.textValue().equals(expected.value())) {
        String found =
            written.isTextual() ? "\"" + written.textValue() + "\"" : FactType.describe(written);
        atValue(
            path.child(field),
            found
                + " does not match the facts, which digest to "
                + expected.value()
                + "; the facts were changed after the digests were written (remove digests to accept the change)");
      }
    }
  }

  private String text(JsonNode node, FieldPath path, String field, String expected) {
    JsonNode value = node.get(field);
    if (value == null) {
      atValue(path, "missing required field " + field + " (" + expected + ")");
      return null;
    }
    if (!value.isTextual()) {
      atValue(path.child(field), "found " + FactType.describe(value) + "; expected " + expected);
      return null;
    }
    return value.textValue();
  }

  private void unknownFields(JsonNode node, FieldPath path, List<String> known) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                atKey(
                    path.child(name),
                    "unknown field \""
                        + name
                        + "\"; expected "
                        + String.join(", ", known)
                        + DidYouMean.hint(name, known));
              }
            });
  }

  private static String invalid(Runnable check) {
    try {
      check.run();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private void atValue(FieldPath path, String message) {
    problems.add(new Problem(source, locations.valueOf(path), path.toString(), message));
  }

  private void atKey(FieldPath path, String message) {
    problems.add(new Problem(source, locations.keyOf(path), path.toString(), message));
  }
}
