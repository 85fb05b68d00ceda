package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code POST /api/v1/apply}: {@code results} when the inputs were applied; {@code
 * valid} and {@code resources} for a dry run ({@code ?dryRun=true}). What does not apply is left
 * out.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ApplyResult(
    Optional<Boolean> valid,
    Optional<List<ValidatedResource>> resources,
    Optional<List<AppliedResource>> results) {

  public static ApplyResult applied(List<AppliedResource> results) {
    return new ApplyResult(Optional.empty(), Optional.empty(), Optional.of(results));
  }

  public static ApplyResult validated(List<ValidatedResource> resources) {
    return new ApplyResult(Optional.of(true), Optional.of(resources), Optional.empty());
  }
}
