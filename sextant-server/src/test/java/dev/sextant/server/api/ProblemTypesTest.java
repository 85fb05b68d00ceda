package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;
import dev.sextant.server.discovery.Refusal;
import dev.sextant.server.store.StoreException;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTypesTest {
  @Test
  void everyKindHasItsOwnStatusAndType() {
    var answers = Arrays.stream(ProblemKind.values()).map(ProblemTypes::of).toList();
    assertThat(answers).hasSize(ProblemKind.values().length);
    assertThat(answers.stream().map(ProblemTypes.Answer::status).distinct())
        .hasSize(answers.size());
    assertThat(answers.stream().map(ProblemTypes.Answer::type).distinct()).hasSize(answers.size());
    assertThat(answers).allSatisfy(a -> assertThat(a.title()).isNotBlank());
  }

  @Test
  void theTable() {
    assertThat(ProblemTypes.of(ProblemKind.INVALID))
        .isEqualTo(new ProblemTypes.Answer(400, "bad-request", "Bad request"));
    assertThat(ProblemTypes.of(ProblemKind.NOT_FOUND))
        .isEqualTo(new ProblemTypes.Answer(404, "not-found", "Not found"));
    assertThat(ProblemTypes.of(ProblemKind.CONFLICT))
        .isEqualTo(new ProblemTypes.Answer(409, "write-conflict", "Conflict"));
    assertThat(ProblemTypes.of(ProblemKind.UNAUTHORIZED))
        .isEqualTo(new ProblemTypes.Answer(401, "unauthenticated", "Refused"));
    assertThat(ProblemTypes.of(ProblemKind.FORBIDDEN))
        .isEqualTo(new ProblemTypes.Answer(403, "forbidden", "Refused"));
    assertThat(ProblemTypes.of(ProblemKind.UNAVAILABLE))
        .isEqualTo(new ProblemTypes.Answer(503, "store-unavailable", "Store unavailable"));
    assertThat(ProblemTypes.of(ProblemKind.INTERNAL))
        .isEqualTo(new ProblemTypes.Answer(500, "internal-error", "Internal error"));
  }

  @Test
  void refusalsAreAnsweredAsBefore() {
    assertThat(answer(new Refusal(Refusal.Reason.UNAUTHENTICATED, "x")))
        .isEqualTo(new ProblemTypes.Answer(401, "unauthenticated", "Refused"));
    assertThat(answer(new Refusal(Refusal.Reason.FORBIDDEN, "x")))
        .isEqualTo(new ProblemTypes.Answer(403, "forbidden", "Refused"));
    assertThat(answer(new Refusal(Refusal.Reason.NOT_FOUND, "x")))
        .isEqualTo(new ProblemTypes.Answer(404, "not-found", "Not found"));
    assertThat(answer(new Refusal(Refusal.Reason.CONFLICT, "x")))
        .isEqualTo(new ProblemTypes.Answer(409, "conflict", "Refused"));
    assertThat(Arrays.stream(Refusal.Reason.values()).map(r -> new Refusal(r, "x")))
        .noneMatch(Failure::retryable);
  }

  @Test
  void aConflictIsAWriteConflictOnlyWhereTryingAgainMayHelp() {
    assertThat(ProblemTypes.of(failure(ProblemKind.CONFLICT, true)).type())
        .isEqualTo("write-conflict");
    assertThat(ProblemTypes.of(failure(ProblemKind.CONFLICT, false)).type()).isEqualTo("conflict");
  }

  @Test
  void anApiExceptionKeepsItsStatusAndTypeAndHasAKind() {
    ApiException notAllowed = ApiException.methodNotAllowed("PATCH", "/api/v1/x", Set.of("GET"));
    assertThat(answer(notAllowed))
        .isEqualTo(new ProblemTypes.Answer(405, "method-not-allowed", "Method not allowed"));
    assertThat(notAllowed.kind()).isEqualTo(ProblemKind.INVALID);
    assertThat(answer(ApiException.tooLarge("x")).status()).isEqualTo(413);
    assertThat(ApiException.tooLarge("x").kind()).isEqualTo(ProblemKind.INVALID);
    assertThat(ApiException.unsupportedMediaType("x").kind()).isEqualTo(ProblemKind.INVALID);
    assertThat(ApiException.invalidParameter("x").kind()).isEqualTo(ProblemKind.INVALID);
    assertThat(answer(ApiException.invalidParameter("x")).type()).isEqualTo("invalid-parameter");
    assertThat(ApiException.notFound("x").kind()).isEqualTo(ProblemKind.NOT_FOUND);
    assertThat(ProblemTypes.detail(ApiException.notFound("no such x"), "no such x"))
        .isEqualTo("no such x");
  }

  @Test
  void anOutageOfTheStoreIsA503ThatHidesItsCause() {
    StoreException down = new StoreException("cannot open jdbc:postgresql://db/x");
    assertThat(down.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
    assertThat(down.retryable()).isTrue();
    assertThat(answer(down))
        .isEqualTo(new ProblemTypes.Answer(503, "store-unavailable", "Store unavailable"));
    assertThat(ProblemTypes.detail(down, down.getMessage()))
        .isEqualTo("the store could not complete the request; try again");
  }

  private static ProblemTypes.Answer answer(Failure failure) {
    return ProblemTypes.of(failure);
  }

  private static Failure failure(ProblemKind kind, boolean retryable) {
    return new Failure() {
      @Override
      public ProblemKind kind() {
        return kind;
      }

      @Override
      public boolean retryable() {
        return retryable;
      }
    };
  }
}
