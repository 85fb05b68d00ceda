package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state change, or a refusal to make one, as the outbox records it. The set is closed: every kind
 * of change the server makes has its record here, and {@link EventRepository#append} takes nothing
 * else, so an event cannot be a free string. Each type has a name and a schema version; a change of
 * a type's shape is a new version, and old rows keep reading as they were written.
 */
public sealed interface Event
    permits ResourceApplied,
        FingerprintRecorded,
        FingerprintRejected,
        LastKnownGoodMarked,
        DriftDetected,
        DriftResolved,
        AgentRegistered,
        AgentRefused,
        RequestRefused,
        TokenCreated,
        TokenRevoked,
        RoleChanged,
        AccessDenied,
        PlanSubmitted,
        PlanApproved,
        ApprovalRefused,
        RolloutMoved,
        RolloutCommandRan,
        RolloutMeasured,
        DeploymentStarted,
        RevisionMarked,
        RolloutJudged,
        NotificationQueued,
        NotificationDelivered,
        NotificationFailed,
        KeyTrusted,
        KeyRevoked {

  /** The longest reason kept; a longer one is cut, since reasons are for people, not parsers. */
  int MAX_REASON_LENGTH = 500;

  /** The actor of the engine's own work: scheduled checks, analysis, timers, notifications. */
  String SYSTEM = "system";

  /** The stored form: type, version, subject, outcome, reason, inputs and detail. */
  EventEnvelope envelope();

  /**
   * Who caused the event: the API principal (a person or a token's identity) who asked for it, an
   * agent ({@code agent:NAME}) for what an agent reported, or {@link #SYSTEM} for the engine's own
   * work. Read from the event's own fields, so that the ledger entry of a stored row is recomputed
   * the same whatever the row's age.
   */
  default String actor() {
    return SYSTEM;
  }

  /**
   * The typed event of a stored envelope.
   *
   * @throws StoreException when the type or its schema version is unknown, or a field is missing
   */
  static Event of(EventEnvelope envelope) {
    try {
      return switch (envelope.type()) {
        case ResourceApplied.TYPE -> ResourceApplied.of(envelope);
        case FingerprintRecorded.TYPE -> FingerprintRecorded.of(envelope);
        case FingerprintRejected.TYPE -> FingerprintRejected.of(envelope);
        case LastKnownGoodMarked.TYPE -> LastKnownGoodMarked.of(envelope);
        case DriftDetected.TYPE -> DriftDetected.of(envelope);
        case DriftResolved.TYPE -> DriftResolved.of(envelope);
        case AgentRegistered.TYPE -> AgentRegistered.of(envelope);
        case AgentRefused.TYPE -> AgentRefused.of(envelope);
        case RequestRefused.TYPE -> RequestRefused.of(envelope);
        case TokenCreated.TYPE -> TokenCreated.of(envelope);
        case TokenRevoked.TYPE -> TokenRevoked.of(envelope);
        case RoleChanged.TYPE -> RoleChanged.of(envelope);
        case AccessDenied.TYPE -> AccessDenied.of(envelope);
        case PlanSubmitted.TYPE -> PlanSubmitted.of(envelope);
        case PlanApproved.TYPE -> PlanApproved.of(envelope);
        case ApprovalRefused.TYPE -> ApprovalRefused.of(envelope);
        case RolloutMoved.TYPE -> RolloutMoved.of(envelope);
        case RolloutCommandRan.TYPE -> RolloutCommandRan.of(envelope);
        case RolloutMeasured.TYPE -> RolloutMeasured.of(envelope);
        case DeploymentStarted.TYPE -> DeploymentStarted.of(envelope);
        case RevisionMarked.TYPE -> RevisionMarked.of(envelope);
        case RolloutJudged.TYPE -> RolloutJudged.of(envelope);
        case NotificationQueued.TYPE -> NotificationQueued.of(envelope);
        case NotificationDelivered.TYPE -> NotificationDelivered.of(envelope);
        case NotificationFailed.TYPE -> NotificationFailed.of(envelope);
        case KeyTrusted.TYPE -> KeyTrusted.of(envelope);
        case KeyRevoked.TYPE -> KeyRevoked.of(envelope);
        default -> throw new StoreException("the store holds an unknown event type");
      };
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot read a "
              + envelope.type()
              + " event of schema version "
              + envelope.schemaVersion()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The envelope of version 1 of a type, the version every type has today. */
  static EventEnvelope envelope(
      String type,
      String subject,
      String outcome,
      Optional<String> reason,
      Map<String, Digest> inputs,
      ObjectNode detail) {
    return new EventEnvelope(
        type, 1, subject, outcome, reason.map(Event::oneLine), new TreeMap<>(inputs), detail);
  }

  /**
   * The subject {@code kind/name} for a name as a caller gave it, which a refusal must record even
   * when it is malformed: whitespace and control characters are %-escaped and an over-long name is
   * cut, so that the refusal's own event is always valid.
   */
  static String subject(String kind, String name) {
    StringBuilder escaped = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '%') {
                escaped.append(String.format(c < 0x100 ? "%%%02X" : "%%u%04X", c));
              } else {
                escaped.appendCodePoint(c);
              }
            });
    String subject = kind + "/" + (escaped.length() == 0 ? "%00" : escaped);
    return subject.length() <= EventEnvelope.MAX_SUBJECT_LENGTH
        ? subject
        : subject.substring(0, EventEnvelope.MAX_SUBJECT_LENGTH);
  }

  static ObjectNode detail() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * @throws IllegalArgumentException when the envelope is of another version than {@code version}
   */
  static EventEnvelope requireVersion(EventEnvelope envelope, int version) {
    if (envelope.schemaVersion() != version) {
      throw new IllegalArgumentException("this server reads version " + version + " only");
    }
    return envelope;
  }

  /** The text of a required detail field. */
  static String text(EventEnvelope envelope, String field) {
    var value = envelope.detailToRead().get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("its detail has no text field " + field);
    }
    return value.asText();
  }

  /** The number in a required detail field. */
  static long number(EventEnvelope envelope, String field) {
    var value = envelope.detailToRead().get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("its detail has no whole number " + field);
    }
    return value.asLong();
  }

  /** A required input's digest. */
  static Digest input(EventEnvelope envelope, String name) {
    Digest digest = envelope.inputs().get(name);
    if (digest == null) {
      throw new IllegalArgumentException("it has no input " + name);
    }
    return digest;
  }

  /** An optional text detail field: empty when absent, as in rows written before it was added. */
  static Optional<String> optionalText(EventEnvelope envelope, String field) {
    var value = envelope.detailToRead().get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** The name after the subject's {@code kind/}. */
  static String subjectName(EventEnvelope envelope) {
    return envelope.subject().substring(envelope.subject().indexOf('/') + 1);
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
