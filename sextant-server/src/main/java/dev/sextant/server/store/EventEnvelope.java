package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An event as the outbox stores it and the ledger will hash it, whatever its {@link Event} type:
 * what happened ({@code type}, e.g. {@code fingerprint.recorded}) in which version of that type's
 * shape ({@code schemaVersion}), to what ({@code subject}, {@code kind/name}: {@code
 * environment/prod-eu}, {@code agent/gpu-01}), how it ended ({@code outcome}, e.g. {@code
 * accepted}, {@code refused}), why, the digests of its inputs by name (e.g. {@code fingerprint},
 * {@code release}, {@code policySet}) and a JSON detail.
 *
 * <p>Events are kept forever and will be chained into the tamper-evident ledger, where nothing can
 * be taken out again. So they never carry secrets: a detail field named like one ({@code token},
 * {@code password}, {@code apiKey}, …, see {@link SecretNames}) is refused here, at construction.
 * That catches the honest mistake of passing a credential-bearing object along; it cannot see a
 * secret under an innocent name, which callers must never pass, in the reason either.
 */
public record EventEnvelope(
    String type,
    int schemaVersion,
    String subject,
    String outcome,
    Optional<String> reason,
    SortedMap<String, Digest> inputs,
    ObjectNode detail) {
  static final int MAX_TYPE_LENGTH = 100;
  static final int MAX_SUBJECT_LENGTH = 300;
  static final int MAX_OUTCOME_LENGTH = 64;
  static final int MAX_INPUT_NAME_LENGTH = 100;

  /**
   * @throws IllegalArgumentException when the type, subject or outcome is malformed, the schema
   *     version below 1, or the detail or an input name is named like a secret
   */
  public EventEnvelope {
    checkFormat(
        type, "an event type", MAX_TYPE_LENGTH, EventNames::isType, "dotted lower-case words");
    if (schemaVersion < 1) {
      throw new IllegalArgumentException(
          "an event's schema version starts at 1, not " + schemaVersion);
    }
    checkFormat(
        subject, "an event subject", MAX_SUBJECT_LENGTH, EventNames::isSubject, "kind/name");
    checkFormat(
        outcome,
        "an event outcome",
        MAX_OUTCOME_LENGTH,
        EventNames::isOutcome,
        "a lower-case word");
    Objects.requireNonNull(reason, "reason");
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(inputs)));
    inputs.forEach(
        (name, digest) -> {
          Checks.text(name, "an input name", MAX_INPUT_NAME_LENGTH);
          Objects.requireNonNull(digest, "the digest of input " + name);
        });
    // In the form it reads back in from the store (an int stays an int, not a long), so that an
    // appended event equals itself read back; this is also the defensive copy. A detail already in
    // that form, as every one read from the store is, is copied rather than written out and read
    // again, which was most of the cost of reading a stored event.
    Objects.requireNonNull(detail, "detail");
    detail =
        ReadBackForm.holds(detail)
            ? detail.deepCopy()
            : JsonText.object(CanonicalJson.string(detail), "the detail of a " + type + " event");
    for (String input : inputs.keySet()) {
      if (SecretNames.isSecret(input)) {
        throw secret(type, "input " + input);
      }
    }
    SecretNames.find(detail)
        .ifPresent(
            path -> {
              throw secret(type, "detail field " + path);
            });
  }

  @Override
  public ObjectNode detail() {
    return detail.deepCopy();
  }

  /**
   * The detail itself, not a copy, for code of the store that only reads it: reading a stored
   * event's fields (and its ledger entry, which copies what it keeps) need not copy the whole
   * detail per field, and verification reads a million of them.
   */
  ObjectNode detailToRead() {
    return detail;
  }

  private static void checkFormat(
      String value, String what, int max, Predicate<String> format, String expected) {
    Checks.text(value, what, max);
    if (!format.test(value)) {
      throw new IllegalArgumentException(what + " must be " + expected + ": " + value);
    }
  }

  private static IllegalArgumentException secret(String type, String where) {
    return new IllegalArgumentException(
        "an event of type "
            + type
            + " must not carry secrets, and its "
            + where
            + " is named like one; pass a reference or leave it out");
  }
}
