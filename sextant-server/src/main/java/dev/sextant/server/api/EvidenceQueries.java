package dev.sextant.server.api;

import dev.sextant.server.ledger.EvidenceQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /api/v1/ledger/bundle}: exactly one of {@code rollout}, {@code release}
 * and {@code environment}, and optionally {@code since} and {@code until}, UTC instants.
 */
final class EvidenceQueries {
  // As RolloutRoutes takes a rollout's id.
  private static final Pattern ROLLOUT = Pattern.compile("ro-[0-9a-f]{1,60}");

  private EvidenceQueries() {}

  static EvidenceQuery of(Context ctx) {
    List<EvidenceQuery.Scope> given = new ArrayList<>();
    for (EvidenceQuery.Scope scope : EvidenceQuery.Scope.values()) {
      if (ctx.queryParam(scope.key()) != null) {
        given.add(scope);
      }
    }
    if (given.size() != 1) {
      throw ApiException.invalidParameter(
          "give exactly one of the query parameters rollout, release and environment, found "
              + given.size());
    }
    EvidenceQuery.Scope scope = given.get(0);
    String text = ctx.queryParam(scope.key());
    String name =
        switch (scope) {
          case ROLLOUT -> rollout(text);
          case RELEASE -> Params.resource(text, "release");
          case ENVIRONMENT -> Params.environment(text);
        };
    Optional<Instant> since = instant(ctx, "since");
    Optional<Instant> until = instant(ctx, "until");
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw ApiException.invalidParameter(
          "query parameter since (" + since.get() + ") must be before until (" + until.get() + ")");
    }
    return new EvidenceQuery(scope, name, since, until);
  }

  private static String rollout(String text) {
    if (ROLLOUT.matcher(text).matches()) {
      return text;
    }
    throw ApiException.invalidParameter(
        "\""
            + ResourceRoutes.clean(text)
            + "\" is not a valid rollout id: expected ro- and 1 to 60 lower-case hex digits");
  }

  private static Optional<Instant> instant(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(
          "query parameter "
              + name
              + " must be a UTC instant such as 2026-12-06T20:37:00Z, found \""
              + ResourceRoutes.clean(text)
              + "\"");
    }
  }
}
