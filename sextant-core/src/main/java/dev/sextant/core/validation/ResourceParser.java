package dev.sextant.core.validation;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.FieldPath;
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
 * From bytes to validated resources: reads every document of a source and validates each one, down
 * to what plan would refuse before it plans (a requirement's arguments, a parameter's expression),
 * a Policy's CEL and approvers, a Strategy's approvers and an Environment's declared facts. The
 * same code serves the CLI and the API, so both report the same problems for the same input.
 */
public final class ResourceParser {
  private final DocumentReader reader;
  private final ResourceValidator validator;
  private final ReleaseChecks releases;

  /**
   * @param validators the rules requirements may name: the ones plans will be made with
   */
  public ResourceParser(Limits limits, Validators validators) {
    this.reader = new DocumentReader(limits);
    this.validator = new ResourceValidator();
    this.releases = new ReleaseChecks(validators);
  }

  /** A parser that knows the validators of Sextant's own class path. */
  public ResourceParser(Limits limits) {
    this(limits, Validators.standard());
  }

  public ResourceParser() {
    this(Limits.DEFAULT);
  }

  public ParseReport parse(String source, byte[] bytes) {
    return parseAll(List.of(new Input(source, bytes)));
  }

  /**
   * Parses several inputs as one change: a resource defined twice, in one input or in two, is a
   * problem, and any problem anywhere leaves the report without resources.
   */
  public ParseReport parseAll(List<Input> inputs) {
    List<Resource> resources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    Map<ResourceKey, SourceDocument> seen = new HashMap<>();
    for (Input input : inputs) {
      ReadResult read = reader.read(input.name(), input.bytes());
      problems.addAll(read.problems());
      collect(read.documents(), resources, problems, warnings, seen);
    }
    return new ParseReport(
        problems.isEmpty() ? resources : List.of(),
        problems,
        warnings,
        problems.isEmpty() ? seen : Map.of());
  }

  private void collect(
      List<SourceDocument> documents,
      List<Resource> resources,
      List<Problem> problems,
      List<Problem> warnings,
      Map<ResourceKey, SourceDocument> seen) {
    for (SourceDocument document : documents) {
      ResourceValidator.Outcome outcome = validator.validate(document);
      problems.addAll(outcome.problems());
      outcome.resource().ifPresent(resource -> check(resource, document, problems, warnings));
      outcome
          .resource()
          .ifPresent(
              resource -> {
                SourceDocument first = seen.putIfAbsent(resource.key(), document);
                if (first != null) {
                  FieldPath name = FieldPath.ROOT.child("metadata").child("name");
                  problems.add(
                      new Problem(
                          document.source(),
                          document.locations().valueOf(name),
                          name.toString(),
                          resource.key()
                              + " is defined twice (first in "
                              + first.source()
                              + ", document "
                              + first.index()
                              + ")"));
                } else {
                  resources.add(resource);
                }
              });
    }
  }

  private void check(
      Resource resource, SourceDocument document, List<Problem> problems, List<Problem> warnings) {
    switch (resource.kind()) {
      case RELEASE -> releases.check(resource, document, problems, warnings);
      case POLICY -> PolicyChecks.check(resource, document, problems);
      case ANALYSIS_TEMPLATE -> AnalysisTemplateChecks.check(resource, document, problems);
      case STRATEGY -> StrategyChecks.check(resource, document, problems);
      case ENVIRONMENT -> EnvironmentChecks.check(resource, document, problems, warnings);
      default -> {}
    }
  }
}
