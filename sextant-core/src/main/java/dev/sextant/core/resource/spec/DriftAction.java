package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a difference between declared and observed facts does in an environment. */
public enum DriftAction {
  /** An event and a metric; deployments go on. */
  @JsonProperty("alert")
  ALERT,
  /** No new deployment until the drift is resolved. */
  @JsonProperty("block")
  BLOCK,
  /** Re-apply the declared state. */
  @JsonProperty("remediate")
  REMEDIATE,
  /** Return to the last known good deployment. */
  @JsonProperty("rollback")
  ROLLBACK
}
