package dev.sextant.core.plan;

import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.PreparedRequirement;
import dev.sextant.core.compat.Requirements;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.compat.parameter.InvalidParameterException;
import dev.sextant.core.compat.parameter.Parameters;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release whose requirements and parameters were read and checked once, ready to be evaluated in
 * any number of environments.
 */
record PreparedRelease(Resource resource, ReleaseSpec spec, List<PreparedVariant> variants) {

  /** One variant, prepared. */
  record PreparedVariant(
      Variant variant,
      List<PreparedRequirement> requirements,
      Parameters parameters,
      GateResult artifact) {

    PreparedVariant(
        Variant variant, List<PreparedRequirement> requirements, Parameters parameters) {
      this(variant, requirements, parameters, artifactGate(variant.artifact()));
    }

    /** Tier 0's artifact gate: the same in every environment, so decided once. */
    private static GateResult artifactGate(Artifact artifact) {
      String what = artifact instanceof Artifact.Image ? "image" : "download";
      return new GateResult("artifact", true, what + " pinned by " + artifact.digest().value());
    }
  }

  /**
   * @throws PlanInputException listing every requirement and parameter that cannot be used
   */
  static PreparedRelease prepare(Resource resource, Validators validators) {
    ReleaseSpec spec = (ReleaseSpec) Specs.read(resource);
    List<PlanInputException.Issue> issues = new ArrayList<>();
    List<PreparedVariant> variants = new ArrayList<>();
    for (int v = 0; v < spec.variants().size(); v++) {
      Variant variant = spec.variants().get(v);
      FieldPath at = FieldPath.ROOT.child("spec").child("variants").child(v);
      List<PreparedRequirement> requirements = new ArrayList<>();
      for (int r = 0; r < variant.requirements().size(); r++) {
        try {
          requirements.add(Requirements.prepare(variant.requirements().get(r), validators));
        } catch (InvalidRequirementException e) {
          FieldPath field = FieldPath.parse(at.child("requirements").child(r) + "." + e.field());
          issues.add(
              new PlanInputException.Issue(Optional.of(resource.key()), field, e.getMessage()));
        }
      }
      Parameters parameters = null;
      try {
        parameters = Parameters.prepare(variant.parameters());
      } catch (InvalidParameterException e) {
        FieldPath field = at.child("parameters").child(e.parameter()).child(e.field());
        issues.add(
            new PlanInputException.Issue(Optional.of(resource.key()), field, e.getMessage()));
      }
      variants.add(new PreparedVariant(variant, requirements, parameters));
    }
    if (!issues.isEmpty()) {
      throw new PlanInputException(issues);
    }
    return new PreparedRelease(resource, spec, variants);
  }
}
