package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** An analysis' judge compared a rollout's canary with its baseline and gave a score. */
public record RolloutJudged(String rollout, StoredJudgement judgement) implements Event {
  public static final String TYPE = "rollout.judged";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public EventEnvelope envelope() {
    var detail =
        Event.detail()
            .put("analysis", judgement.analysis())
            .put("at", judgement.at().toString())
            .put("score", judgement.score());
    try {
      detail.set("metrics", JSON.readTree(judgement.metrics()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a judgement's metrics are not JSON", e);
    }
    return Event.envelope(
        TYPE,
        Event.subject("rollout", rollout),
        judgement.verdict(),
        Optional.of(judgement.summary()),
        Map.of(),
        detail);
  }

  static RolloutJudged of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new RolloutJudged(
        Event.subjectName(envelope),
        new StoredJudgement(
            Event.text(envelope, "analysis"),
            java.time.Instant.parse(Event.text(envelope, "at")),
            envelope.detailToRead().path("score").asDouble(),
            envelope.outcome(),
            envelope.reason().orElse(""),
            envelope.detailToRead().path("metrics").toString()));
  }
}
