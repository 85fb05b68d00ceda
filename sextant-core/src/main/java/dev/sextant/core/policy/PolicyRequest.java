package dev.sextant.core.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * Who asks for a decision, for what, and when: a policy's {@code request}; {@code time} is also its
 * {@code now}. Given to the planner, because core reads no clock and knows no user.
 *
 * @param user who asks, e.g. the operating-system user of {@code sextant plan}
 * @param action what they ask for, e.g. {@code plan}
 */
public record PolicyRequest(String user, String action, Instant time) {
  public PolicyRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(time, "time");
  }
}
