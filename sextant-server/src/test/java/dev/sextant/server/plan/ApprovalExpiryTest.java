package dev.sextant.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Grants;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Services;
import dev.sextant.server.access.Principal;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approvals count for {@link PlanService#APPROVAL_VALIDITY}; an expired one can be given again. */
class ApprovalExpiryTest {
  private static final Principal ALICE = person("alice", Role.DEPLOYER);
  private static final Principal BOB = person("bob", Role.APPROVER);

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private Services services;

  @BeforeEach
  void open() {
    services = Services.on(Database.h2(home, clock), AgentTokens.none(), clock);
    services
        .resources()
        .apply(
            Stream.of(
                    "environments/prod-us.yaml",
                    "policies/prod-signed-releases.yaml",
                    "services/payments-api.yaml",
                    "services/fraud-detector.yaml",
                    "releases/payments-api-2.4.0.yaml")
                .map(ApprovalExpiryTest::example)
                .toList(),
            "alice");
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void an_approval_expires_and_the_same_approver_may_approve_again() {
    PlanView submitted = services.plans().submit(ALICE, "payments-api-2-4-0", "prod-us");
    long id = submitted.plan().id();
    assertThat(submitted.state()).isEqualTo(PlanView.State.AWAITING_APPROVAL);

    PlanView approved = services.plans().approve(BOB, id, submitted.plan().digest());
    assertThat(approved.state()).isEqualTo(PlanView.State.APPROVED);

    clock.advance(PlanService.APPROVAL_VALIDITY.minusSeconds(1));
    assertThat(services.plans().plan(id).state()).isEqualTo(PlanView.State.APPROVED);
    clock.advance(Duration.ofSeconds(1));
    PlanView expired = services.plans().plan(id);
    assertThat(expired.state()).isEqualTo(PlanView.State.AWAITING_APPROVAL);
    assertThat(expired.status().uncounted())
        .singleElement()
        .satisfies(u -> assertThat(u.message()).contains("expired"));

    PlanView again = services.plans().approve(BOB, id, submitted.plan().digest());
    assertThat(again.state()).isEqualTo(PlanView.State.APPROVED);
    assertThat(again.approvals()).hasSize(1);
  }

  private static Principal person(String name, Role role) {
    return new Principal(
        new Identity(name, Identity.Kind.USER),
        new Grants(List.of(new Grant(role, LabelSelector.EVERYTHING))));
  }

  private static Input example(String file) {
    try {
      return new Input(file, Files.readAllBytes(Path.of("..", "examples", file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
