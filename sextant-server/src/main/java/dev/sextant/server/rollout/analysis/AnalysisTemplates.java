package dev.sextant.server.rollout.analysis;

import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import java.util.Optional;

/** The AnalysisTemplates an analysis names; the server looks them up in the store. */
@FunctionalInterface
public interface AnalysisTemplates {
  Optional<AnalysisTemplateSpec> named(String name);
}
