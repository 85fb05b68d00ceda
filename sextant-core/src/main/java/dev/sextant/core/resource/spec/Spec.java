package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;

/** The typed spec of a resource; one record per kind. */
public sealed interface Spec
    permits EnvironmentSpec,
        ServiceSpec,
        ReleaseSpec,
        PolicySpec,
        StrategySpec,
        AnalysisTemplateSpec,
        PipelineSpec,
        NotifierSpec {

  /** The kind of resource this spec belongs to. */
  Kind kind();
}
