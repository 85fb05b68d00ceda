package dev.sextant.core.resource.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a strategy moves traffic to a new version: canary steps, blue-green, or rolling batches. */
public sealed interface Method {

  /** Traffic moves step by step (Argo Rollouts canary). */
  record Canary(List<Step> steps, Optional<BackgroundAnalysis> analysis) implements Method {
    public Canary {
      steps = Defaults.list(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("a canary needs at least one step");
      }
      analysis = Defaults.optional(analysis);
      int stepCount = steps.size();
      analysis.ifPresent(a -> a.checkStartsWithin(stepCount));
    }
  }

  /** Analysis that runs alongside the canary's steps from {@code startingStep} on. */
  record BackgroundAnalysis(List<String> templates, List<Argument> args, int startingStep) {
    public BackgroundAnalysis {
      templates = Defaults.list(templates);
      args = Defaults.list(args);
    }

    void checkStartsWithin(int steps) {
      if (startingStep >= steps) {
        throw new IllegalArgumentException(
            "background analysis starts at step " + startingStep + " of " + steps);
      }
    }
  }

  /** The new version starts beside the old one, then takes all traffic at once. */
  record BlueGreen(
      Optional<AnalysisRun> previewAnalysis,
      Optional<AnalysisRun> postPromotionAnalysis,
      Boolean autoPromotionEnabled,
      Optional<Duration> autoPromotionDelay,
      Optional<Duration> scaleDownDelay)
      implements Method {
    public BlueGreen {
      previewAnalysis = Defaults.optional(previewAnalysis);
      postPromotionAnalysis = Defaults.optional(postPromotionAnalysis);
      autoPromotionEnabled = autoPromotionEnabled == null || autoPromotionEnabled;
      autoPromotionDelay = Defaults.optional(autoPromotionDelay);
      scaleDownDelay = Defaults.optional(scaleDownDelay);
    }
  }

  /** Instances are replaced in batches; unset limits are Kubernetes' 25%. */
  record Rolling(
      IntOrPercent maxUnavailable,
      IntOrPercent maxSurge,
      Optional<Duration> batchPause,
      Optional<AnalysisRun> analysis)
      implements Method {
    public Rolling {
      maxUnavailable = maxUnavailable == null ? IntOrPercent.percentage(25) : maxUnavailable;
      maxSurge = maxSurge == null ? IntOrPercent.percentage(25) : maxSurge;
      if (maxUnavailable.value() == 0 && maxSurge.value() == 0) {
        throw new IllegalArgumentException("maxUnavailable and maxSurge cannot both be 0");
      }
      batchPause = Defaults.optional(batchPause);
      analysis = Defaults.optional(analysis);
    }
  }
}
