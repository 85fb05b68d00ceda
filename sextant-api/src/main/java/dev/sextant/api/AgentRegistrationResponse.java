package dev.sextant.api;

/** The answer to a registration: the key id, and whether it is new ({@code registered}). */
public record AgentRegistrationResponse(
    String name, String environment, String keyId, String change) {}
