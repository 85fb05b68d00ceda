package dev.sextant.api;

/** {@code POST /api/v1/agents}: an agent's name, its environment and its Ed25519 public key. */
public record AgentRegistrationRequest(String name, String environment, String publicKey) {}
