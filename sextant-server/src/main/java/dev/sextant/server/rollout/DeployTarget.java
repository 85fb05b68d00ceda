package dev.sextant.server.rollout;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.server.store.StoredRollout;
import java.util.Optional;

/**
 * A target that rollouts deploy to: it carries out their commands, says before a rollout starts
 * whether it can run a variant at all, and shows what it runs.
 */
public interface DeployTarget extends RolloutTarget, AutoCloseable {
  /** A server with no target: it stores rollouts but refuses to deploy. */
  DeployTarget NONE =
      new DeployTarget() {
        @Override
        public void run(String rollout, dev.sextant.core.rollout.RolloutCommand command) {
          throw new IllegalStateException("this server runs no deployment target");
        }

        @Override
        public void check(Variant variant) {
          throw new RolloutRefusal(
              ProblemKind.CONFLICT,
              "this server runs no deployment target: start one with `sextant server`");
        }

        @Override
        public TargetView view(StoredRollout rollout) {
          return TargetView.NONE;
        }

        @Override
        public String logs(StoredRollout rollout, Optional<String> instance, int tail) {
          return "";
        }

        @Override
        public void close() {}
      };

  /**
   * @throws RolloutRefusal conflict when this target cannot run the variant (an image on the local
   *     target), saying why
   */
  void check(Variant variant);

  /** What the target runs for the rollout's service now. */
  TargetView view(StoredRollout rollout);

  /** The last {@code tail} lines of the log of one instance ({@code canary-1}), or of all. */
  String logs(StoredRollout rollout, Optional<String> instance, int tail);

  @Override
  void close();
}
