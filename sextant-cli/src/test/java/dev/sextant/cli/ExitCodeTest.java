package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ProblemKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
  @Test
  void theTable() {
    assertThat(ExitCode.of(ProblemKind.INVALID)).isEqualTo(1);
    assertThat(ExitCode.of(ProblemKind.UNAUTHORIZED)).isEqualTo(7);
    assertThat(ExitCode.of(ProblemKind.FORBIDDEN)).isEqualTo(7);
    assertThat(ExitCode.of(ProblemKind.NOT_FOUND)).isEqualTo(4);
    assertThat(ExitCode.of(ProblemKind.UNAVAILABLE)).isEqualTo(5);
    assertThat(ExitCode.of(ProblemKind.CONFLICT)).isEqualTo(6);
    assertThat(ExitCode.of(ProblemKind.INTERNAL)).isEqualTo(70);
  }

  @Test
  void everyKindMapsToAPublishedCodeThatIsNeitherUsageNorAResult() {
    assertThat(Arrays.stream(ProblemKind.values()).map(ExitCode::of))
        .allSatisfy(code -> assertThat(code).isIn(1, 4, 5, 6, 7, 70))
        .allSatisfy(code -> assertThat(ExitCode.HELP_SECTION).contains("\n  " + code + " "));
  }

  @Test
  void aConflictThatTryingAgainWillNotResolveIsInvalidInput() {
    assertThat(ExitCode.of(ProblemKind.CONFLICT, true)).isEqualTo(ExitCode.CONFLICT);
    assertThat(ExitCode.of(ProblemKind.CONFLICT, false)).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(ExitCode.of(ProblemKind.NOT_FOUND, false)).isEqualTo(ExitCode.NOT_FOUND);
  }

  @Test
  void aCliExceptionCarriesItsKind() {
    assertThat(CliException.notFound("x").kind()).contains(ProblemKind.NOT_FOUND);
    assertThat(CliException.notFound("x").exitCode()).isEqualTo(4);
    assertThat(CliException.conflict("x").exitCode()).isEqualTo(6);
    assertThat(CliException.conflict("x").retryable()).isTrue();
    assertThat(CliException.invalid("x").exitCode()).isEqualTo(1);
    assertThat(CliException.unavailable("x", null).exitCode()).isEqualTo(5);
    assertThat(new CliException(ProblemKind.CONFLICT, false, "taken", null).exitCode())
        .isEqualTo(1);
    assertThat(new CliException(ExitCode.INCOMPATIBLE, "drift").kind()).isEmpty();
  }
}
