package dev.sextant.server.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.server.store.StoredDeployment;
import dev.sextant.server.store.StoredRollout;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a notification says about one rollout transition, the same for every notifier. Its generic
 * JSON ({@link #json()}, schema {@value #SCHEMA}) is the webhook body and what the store keeps; a
 * Slack message is drawn from that JSON ({@link SlackMessage}). It holds no URL and no secret.
 *
 * @param sequence the outbox event's sequence number: with the notifier, the delivery's identity
 * @param actor who asked for the move, when a person did
 * @param release the Release deployed and its revision, when the rollout deploys one
 */
public record Notification(
    long sequence,
    Instant at,
    Optional<String> server,
    Transition transition,
    StoredRollout rollout,
    Optional<StoredDeployment> release,
    Optional<String> actor) {
  public static final String SCHEMA = "sextant.dev/notification/v1";

  public Notification {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(actor, "actor");
  }

  /**
   * The generic body: {@code schema}, {@code server} (when the server is named), {@code event}
   * ({@code sequence}, {@code at}), {@code environment}, {@code service}, {@code rollout} ({@code
   * id}, {@code version}, {@code path}), {@code release} ({@code name}, {@code revision}, when
   * known), {@code revision} (the canary's), {@code stableRevision}, {@code phase}, {@code
   * previousPhase} (none on a rollout's first move), {@code verb}, {@code manual}, {@code actor}
   * (when known), {@code reason} and {@code weight} (the canary's share, 0–100).
   */
  public ObjectNode json() {
    var moved = transition.moved();
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("schema", SCHEMA);
    server.ifPresent(name -> json.put("server", name));
    json.putObject("event").put("sequence", sequence).put("at", at.toString());
    json.put("environment", rollout.environment()).put("service", rollout.service());
    json.putObject("rollout")
        .put("id", rollout.id())
        .put("version", moved.version())
        .put("path", "/api/v1/rollouts/" + rollout.id());
    release.ifPresent(
        r ->
            json.putObject("release")
                .put("name", r.release())
                .put("revision", r.releaseRevision()));
    json.put("revision", rollout.canaryRevision()).put("stableRevision", rollout.stableRevision());
    json.put("phase", moved.phase());
    transition.previousPhase().ifPresent(phase -> json.put("previousPhase", phase));
    json.put("verb", moved.verb()).put("manual", transition.manual());
    actor.ifPresent(name -> json.put("actor", name));
    json.put("reason", moved.reason()).put("weight", moved.weight());
    return json;
  }
}
