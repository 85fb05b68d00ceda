package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A rollout's plan made again from the inputs recorded with it: the revisions it read, loaded by
 * number from the store, the requester and the time it was made at.
 *
 * @param recordedDigest the digest of the plan as it was made
 * @param replayedDigest the digest of the plan made again; absent when it could not be (an input
 *     the store no longer has, or one that no longer reads)
 * @param same whether the two digests are equal
 * @param inputs each recorded input, and whether the store still has it as it was
 * @param differences where the plan made again differs from the recorded one, as JSON pointers
 * @param problem why the plan could not be made again, when it could not
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PlanReplayed(
    String rollout,
    String plan,
    String requester,
    String at,
    String recordedDigest,
    Optional<String> replayedDigest,
    boolean same,
    List<ReplayedInput> inputs,
    List<PlanDifference> differences,
    Optional<String> problem) {
  public PlanReplayed {
    inputs = List.copyOf(inputs);
    differences = List.copyOf(differences);
  }

  /**
   * One recorded input of the plan.
   *
   * @param input the set it belongs to: {@code release}, {@code environment}, {@code policies},
   *     {@code environments}, {@code releases}, {@code fingerprint}
   * @param status {@code same}, {@code changed} (the store has other content under that revision)
   *     or {@code missing} (the store no longer has it)
   * @param found the digest of what the store has now, when it differs
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record ReplayedInput(
      String input,
      String name,
      long revision,
      String recorded,
      String status,
      Optional<String> found) {}

  /** One place where the plans differ: a JSON pointer and the value on each side, if any. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record PlanDifference(String path, Optional<String> recorded, Optional<String> replayed) {}
}
