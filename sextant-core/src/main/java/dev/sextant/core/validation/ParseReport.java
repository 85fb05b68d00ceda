package dev.sextant.core.validation;

import dev.sextant.core.resource.Resource;
import java.util.List;

/** The resources read from one or more sources, or every problem that stops them. */
public record ParseReport(List<Resource> resources, List<Problem> problems) {
  public ParseReport {
    resources = List.copyOf(resources);
    problems = problems.stream().sorted(Problem.ORDER).toList();
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
