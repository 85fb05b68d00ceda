package dev.sextant.core.access;

import java.util.Locale;

/** What a route or a command asks of its caller; roles are sets of these. */
public enum Permission {
  /** Read resources, fingerprints, drift, plans and events. */
  READ,
  /** Apply Releases, Services, Strategies, AnalysisTemplates and Pipelines. */
  APPLY,
  /** Record a fingerprint of an environment, or mark its last known good one. */
  RECORD,
  /** Ask for a deployment to an environment: submit its plan, later start its rollout. */
  DEPLOY,
  /** Approve a plan that a policy holds for approval. */
  APPROVE,
  /** Declare Environments and Policies, and manage tokens and roles. */
  ADMINISTER;

  /** The permission as the API and the CLI write it, e.g. {@code deploy}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
