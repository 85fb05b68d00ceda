package dev.sextant.server.store;

import java.time.Instant;

/** An event a rollout took, as stored: the version it made, its JSON and when it was recorded. */
public record RecordedRolloutEvent(long version, String event, Instant recorded) {}
