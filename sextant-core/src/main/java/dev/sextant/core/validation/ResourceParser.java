package dev.sextant.core.validation;

import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.Limits;
import dev.sextant.core.document.ReadResult;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * From bytes to validated resources: reads every document of a source and validates each one.
 * The same code serves the CLI and the API, so both report the same problems for the same input.
 */
public final class ResourceParser {
  private final DocumentReader reader;
  private final ResourceValidator validator;

  public ResourceParser(Limits limits) {
    this.reader = new DocumentReader(limits);
    this.validator = new ResourceValidator();
  }

  public ResourceParser() {
    this(Limits.DEFAULT);
  }

  public ParseReport parse(String source, byte[] bytes) {
    ReadResult read = reader.read(source, bytes);
    if (!read.ok()) {
      return new ParseReport(List.of(), read.problems());
    }
    List<Resource> resources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<ResourceKey, SourceDocument> seen = new HashMap<>();
    for (SourceDocument document : read.documents()) {
      ResourceValidator.Outcome outcome = validator.validate(document);
      problems.addAll(outcome.problems());
      outcome.resource().ifPresent(resource -> {
        SourceDocument first = seen.putIfAbsent(resource.key(), document);
        if (first != null) {
          problems.add(new Problem(document.source(), document.start(), "metadata.name",
              resource.key() + " is defined twice in this file (first in document " + first.index() + ")"));
        } else {
          resources.add(resource);
        }
      });
    }
    return new ParseReport(problems.isEmpty() ? resources : List.of(), problems);
  }
}
