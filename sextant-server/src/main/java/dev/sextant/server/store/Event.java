package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A ledger-ready event: what happened ({@code type}, e.g. {@code fingerprint.recorded}), to what
 * ({@code subject}, {@code kind/name}: {@code environment/prod-eu}, {@code agent/gpu-01}), how it
 * ended ({@code outcome}, e.g. {@code accepted}, {@code refused}), why, the digests of its inputs
 * by name (e.g. {@code fingerprint}, {@code release}, {@code policySet}) and a JSON detail.
 *
 * <p>Events are kept forever and will be chained into the tamper-evident ledger, where nothing can
 * be taken out again. So they never carry secrets: a detail field named like one ({@code token},
 * {@code password}, {@code apiKey}, …, see {@link SecretNames}) is refused here, at construction.
 * That catches the honest mistake of passing a credential-bearing object along; it cannot see a
 * secret under an innocent name, which callers must never pass, in the reason either.
 */
public record Event(
    String type,
    String subject,
    String outcome,
    Optional<String> reason,
    SortedMap<String, Digest> inputs,
    ObjectNode detail) {
  static final int MAX_TYPE_LENGTH = 100;
  static final int MAX_SUBJECT_LENGTH = 300;
  static final int MAX_OUTCOME_LENGTH = 64;
  static final int MAX_INPUT_NAME_LENGTH = 100;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
  private static final Pattern SUBJECT = Pattern.compile("[a-z][a-z0-9-]*/\\S+");
  private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * @throws IllegalArgumentException when the type, subject or outcome is malformed, or the detail
   *     or an input name is named like a secret
   */
  public Event {
    checkFormat(type, "an event type", MAX_TYPE_LENGTH, TYPE, "dotted lower-case words");
    checkFormat(subject, "an event subject", MAX_SUBJECT_LENGTH, SUBJECT, "kind/name");
    checkFormat(outcome, "an event outcome", MAX_OUTCOME_LENGTH, OUTCOME, "a lower-case word");
    Objects.requireNonNull(reason, "reason");
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(inputs)));
    inputs.forEach(
        (name, digest) -> {
          Checks.text(name, "an input name", MAX_INPUT_NAME_LENGTH);
          Objects.requireNonNull(digest, "the digest of input " + name);
        });
    detail = Objects.requireNonNull(detail, "detail").deepCopy();
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

  /** An event with no reason, no inputs and an empty detail. */
  public static Event of(String type, String subject, String outcome) {
    return new Event(
        type,
        subject,
        outcome,
        Optional.empty(),
        new TreeMap<>(),
        JsonNodeFactory.instance.objectNode());
  }

  /** The subject of events about an environment. */
  public static String environment(String name) {
    return "environment/" + name;
  }

  /** The subject of events about an agent. */
  public static String agent(String name) {
    return "agent/" + name;
  }

  public Event withReason(String reason) {
    return new Event(type, subject, outcome, Optional.of(reason), inputs, detail);
  }

  public Event withInput(String name, Digest digest) {
    SortedMap<String, Digest> more = new TreeMap<>(inputs);
    more.put(name, digest);
    return new Event(type, subject, outcome, reason, more, detail);
  }

  public Event withDetail(ObjectNode detail) {
    return new Event(type, subject, outcome, reason, inputs, detail);
  }

  @Override
  public ObjectNode detail() {
    return detail.deepCopy();
  }

  private static void checkFormat(
      String value, String what, int max, Pattern format, String expected) {
    Checks.text(value, what, max);
    if (!format.matcher(value).matches()) {
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
