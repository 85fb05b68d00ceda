package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ProblemKind;
import org.junit.jupiter.api.Test;

/** Each failure of the store says what kind it is, and whether trying again may help. */
class StoreFailureKindsTest {
  @Test
  void eachStoreFailureHasItsKind() {
    StoreException lostRace = new ConflictException("apply", 3, null);
    assertThat(lostRace.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(lostRace.retryable()).isTrue();

    StoreException down =
        new StoreUnavailableException("jdbc:h2:mem:x", "open", new RuntimeException("no"));
    assertThat(down.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
    assertThat(down.retryable()).isTrue();

    assertThat(new NoSuchAgentException("a").kind()).isEqualTo(ProblemKind.NOT_FOUND);
    assertThat(new NoSuchAgentException("a").retryable()).isFalse();
    assertThat(new NoSuchFingerprintException("prod", 3).kind()).isEqualTo(ProblemKind.NOT_FOUND);

    StoreException taken = new AgentConflictException("a", "taken");
    assertThat(taken.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(taken.retryable()).isFalse();
  }
}
