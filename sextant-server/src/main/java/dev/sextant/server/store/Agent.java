package dev.sextant.server.store;

import java.time.Instant;

/** A registered agent: its key, when it registered and when it was last seen (to the ms). */
public record Agent(
    String name,
    String environment,
    String publicKey,
    String keyId,
    Instant registeredAt,
    Instant lastSeenAt) {}
