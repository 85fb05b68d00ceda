package dev.sextant.core.document;

import dev.sextant.core.validation.Problem;
import java.util.List;

/** The documents read from one source, and every problem met while reading it. */
public record ReadResult(List<SourceDocument> documents, List<Problem> problems) {
  public ReadResult {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
