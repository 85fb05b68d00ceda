package dev.sextant.core.resource.spec;

import java.util.List;

/** Analysis templates to run, by name, with their arguments; all of them must pass. */
public record AnalysisRun(List<String> templates, List<Argument> args) {
  public AnalysisRun {
    templates = Defaults.list(templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("an analysis names at least one template");
    }
    args = Defaults.list(args);
  }
}
