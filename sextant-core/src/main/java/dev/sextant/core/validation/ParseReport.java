package dev.sextant.core.validation;

import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import java.util.List;
import java.util.Map;

/**
 * The resources read from one or more sources, or every problem that stops them; and where each
 * resource was written, so that later checks (a requirement's arguments, say) can point at a line.
 * Warnings (a fact key nobody knows) are worth reading but stop nothing.
 */
public record ParseReport(
    List<Resource> resources,
    List<Problem> problems,
    List<Problem> warnings,
    Map<ResourceKey, SourceDocument> documents) {
  public ParseReport {
    resources = List.copyOf(resources);
    problems = problems.stream().sorted(Problem.ORDER).toList();
    warnings = warnings.stream().sorted(Problem.ORDER).toList();
    documents = Map.copyOf(documents);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** A problem at a field of a resource read here (the document's start when the field is not). */
  public Problem problem(ResourceKey key, FieldPath field, String message) {
    SourceDocument document = documents.get(key);
    if (document == null) {
      throw new IllegalArgumentException(key + " was not read here");
    }
    return new Problem(
        document.source(), document.locations().valueOf(field), field.toString(), message);
  }
}
