package dev.sextant.server.store;

import java.util.Optional;

/** What a rollout deploys: a release's revision and variant, and the plan that allowed it. */
public record StoredDeployment(
    String rollout, String release, long releaseRevision, String variant, Optional<String> plan) {}
