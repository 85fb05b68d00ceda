package dev.sextant.server.store;

/** A command written with its transition and not yet marked done. */
public record PendingCommand(String idempotencyKey, String rollout, long version, int position) {}
