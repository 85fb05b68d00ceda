package dev.sextant.server.store;

import java.time.Instant;

/**
 * An environment's last known good fingerprint: the one under which its last successful deployment
 * ran, with when and by whom (a user, or the rollout engine) it was marked so.
 */
public record LastKnownGood(FingerprintRevision fingerprint, Instant markedAt, String markedBy) {}
