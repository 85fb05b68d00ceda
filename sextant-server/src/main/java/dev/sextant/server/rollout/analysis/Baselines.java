package dev.sextant.server.rollout.analysis;

import java.net.URI;
import java.util.List;

/**
 * The baseline a judge compares a rollout's canary with: instances of the stable revision started
 * beside the canary with the same share of traffic (Kayenta's practice), not the stable fleet.
 */
public interface Baselines {

  /** A target that runs no baseline: a judge finds no baseline data and says so. */
  Baselines NONE =
      new Baselines() {
        @Override
        public void start(String rollout) {}

        @Override
        public void stop(String rollout) {}

        @Override
        public List<URI> instances(String rollout) {
          return List.of();
        }
      };

  /** Starts the rollout's baseline, if it has none; asked again, changes nothing. */
  void start(String rollout);

  /** Stops the rollout's baseline, if it has one. */
  void stop(String rollout);

  /**
   * Where the rollout's ready baseline instances answer: base URLs such as {@code
   * http://host:8081}.
   */
  List<URI> instances(String rollout);
}
