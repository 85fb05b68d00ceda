package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sextant.server.store.AgentOutcome.Change;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link AgentRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class AgentRepositoryContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final Instant STARTED = Instant.parse("2025-03-01T09:30:00.123Z");
  private static final String KEY = publicKey();
  private static final String OTHER_KEY = publicKey();

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  private AgentUnits open(Db db) {
    return new AgentUnits(databases.open(db));
  }

  @StoreTest
  void a_new_agent_is_registered_and_found_by_name(Db db) {
    AgentUnits agents = open(db);

    AgentOutcome outcome = agents.register(registration("gpu-01", "prod-eu", KEY, "key-1"));

    assertThat(outcome.change()).isEqualTo(Change.REGISTERED);
    Agent agent = outcome.agent();
    assertThat(agent).isEqualTo(new Agent("gpu-01", "prod-eu", KEY, "key-1", STARTED, STARTED));
    assertThat(agents.find("gpu-01")).contains(agent);
    assertThat(agents.find("gpu-02")).isEmpty();
  }

  @StoreTest
  void registering_again_with_the_same_key_changes_nothing(Db db) {
    AgentUnits agents = open(db);
    Agent first = agents.register(registration("gpu-01", "prod-eu", KEY, "key-1")).agent();
    clock.advance(Duration.ofHours(1));

    AgentOutcome again = agents.register(registration("gpu-01", "prod-eu", KEY, "key-1"));

    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.agent()).isEqualTo(first);
    assertThat(agents.list()).containsExactly(first);
  }

  @StoreTest
  void registering_a_name_with_another_key_is_refused_and_keeps_the_key(Db db) {
    AgentUnits agents = open(db);
    Agent registered = agents.register(registration("gpu-01", "prod-eu", KEY, "key-1")).agent();

    assertThatThrownBy(() -> agents.register(registration("gpu-01", "prod-eu", OTHER_KEY, "key-2")))
        .isInstanceOfSatisfying(
            AgentConflictException.class, e -> assertThat(e.agent()).isEqualTo("gpu-01"))
        .hasMessageContaining("agent gpu-01 is registered with another key (key id key-1)")
        .hasMessageContaining("key id key-2")
        .hasMessageContaining("registers under a new name");
    assertThatThrownBy(() -> agents.register(registration("gpu-01", "prod-eu", KEY, "key-2")))
        .isInstanceOf(AgentConflictException.class);
    assertThat(agents.find("gpu-01")).contains(registered);
  }

  @StoreTest
  void registering_a_name_for_another_environment_is_refused(Db db) {
    AgentUnits agents = open(db);
    Agent registered = agents.register(registration("gpu-01", "prod-eu", KEY, "key-1")).agent();

    assertThatThrownBy(() -> agents.register(registration("gpu-01", "staging", KEY, "key-1")))
        .isInstanceOf(AgentConflictException.class)
        .hasMessage("agent gpu-01 is registered for environment prod-eu, not staging");
    assertThat(agents.find("gpu-01")).contains(registered);
  }

  /** Of several agents racing to claim one name with their own keys, exactly one gets it. */
  @StoreTest
  void of_concurrent_registrations_of_one_name_with_different_keys_exactly_one_wins(Db db)
      throws Exception {
    AgentUnits agents = open(db);
    int threads = 6;
    List<String> keys = IntStream.range(0, threads).mapToObj(i -> publicKey()).toList();

    List<Optional<AgentOutcome>> outcomes =
        Concurrently.run(
            threads,
            1,
            (thread, round) -> {
              try {
                return Optional.of(
                    agents.register(
                        registration("gpu-01", "prod-eu", keys.get(thread), "key-" + thread)));
              } catch (AgentConflictException refused) {
                return Optional.empty();
              }
            });

    List<AgentOutcome> won = outcomes.stream().flatMap(Optional::stream).toList();
    assertThat(won).hasSize(1);
    assertThat(won.get(0).change()).isEqualTo(Change.REGISTERED);
    assertThat(agents.find("gpu-01")).contains(won.get(0).agent());
  }

  @StoreTest
  void concurrent_registrations_of_one_agent_register_it_once(Db db) throws Exception {
    AgentUnits agents = open(db);

    List<AgentOutcome> outcomes =
        Concurrently.run(
            6, 3, (thread, round) -> agents.register(registration("gpu-01", "prod-eu", KEY, "k")));

    assertThat(outcomes).filteredOn(o -> o.change() == Change.REGISTERED).hasSize(1);
    assertThat(outcomes).extracting(AgentOutcome::agent).containsOnly(outcomes.get(0).agent());
    assertThat(agents.list()).hasSize(1);
  }

  @StoreTest
  void touching_an_agent_moves_its_last_seen_time_forward_only(Db db) {
    AgentUnits agents = open(db);
    agents.register(registration("gpu-01", "prod-eu", KEY, "key-1"));
    Instant later = Instant.parse("2025-03-01T10:00:00.456789Z");

    agents.touch("gpu-01", later);
    agents.touch("gpu-01", later.minusSeconds(30));

    Agent agent = agents.find("gpu-01").orElseThrow();
    assertThat(agent.lastSeenAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.456Z"));
    assertThat(agent.registeredAt()).isEqualTo(STARTED);
  }

  @StoreTest
  void touching_an_unknown_agent_is_refused(Db db) {
    AgentUnits agents = open(db);

    assertThatThrownBy(() -> agents.touch("ghost", START))
        .isInstanceOfSatisfying(
            NoSuchAgentException.class, e -> assertThat(e.agent()).isEqualTo("ghost"))
        .hasMessage("no agent is registered under the name ghost");
    assertThat(agents.list()).isEmpty();
  }

  @StoreTest
  void the_list_holds_every_agent_by_name(Db db) {
    AgentUnits agents = open(db);
    agents.register(registration("gpu-02", "prod-eu", KEY, "key-1"));
    agents.register(registration("Edge", "lab", OTHER_KEY, "key-2"));
    agents.register(registration("gpu-01", "staging", OTHER_KEY, "key-2"));

    assertThat(agents.list())
        .extracting(Agent::name, Agent::environment)
        .containsExactly(
            tuple("Edge", "lab"), tuple("gpu-01", "staging"), tuple("gpu-02", "prod-eu"));
  }

  @StoreTest
  void closing_and_opening_again_keeps_every_agent(Db db) {
    AgentUnits first = open(db);
    first.register(registration("gpu-01", "prod-eu", KEY, "key-1"));
    first.touch("gpu-01", START.plusSeconds(60));
    List<Agent> before = first.list();
    first.close();

    AgentUnits reopened = open(db);

    assertThat(reopened.list()).isEqualTo(before);
    assertThatThrownBy(
            () -> reopened.register(registration("gpu-01", "prod-eu", OTHER_KEY, "key-2")))
        .isInstanceOf(AgentConflictException.class);
  }

  /**
   * The repository as the services use it: each call a unit of work of its own, and each change
   * with an event, as the outbox requires.
   */
  private record AgentUnits(Database database) {
    AgentOutcome register(AgentRegistration registration) {
      return database.write(
          "register agent " + registration.name(),
          tx -> {
            AgentOutcome outcome = tx.agents().register(registration);
            tx.events().append(AgentRegistered.of(outcome));
            return outcome;
          });
    }

    /**
     * A touch comes with an agent's report, whose event the outbox takes; the agent's unchanged
     * registration stands in for it here.
     */
    void touch(String name, Instant seenAt) {
      database.write(
          "touch agent " + name,
          tx -> {
            tx.agents().touch(name, seenAt);
            Agent agent = tx.agents().find(name).orElseThrow();
            tx.events()
                .append(
                    new AgentRegistered(
                        agent.name(), agent.environment(), agent.keyId(), Change.UNCHANGED));
            return null;
          });
    }

    Optional<Agent> find(String name) {
      return database.read("find agent " + name, tx -> tx.agents().find(name));
    }

    List<Agent> list() {
      return database.read("list agents", tx -> tx.agents().list());
    }

    void close() {
      database.close();
    }
  }

  private static AgentRegistration registration(
      String name, String environment, String publicKey, String keyId) {
    return new AgentRegistration(name, environment, publicKey, keyId);
  }

  /** A real Ed25519 public key, as agents send theirs: base64 of its X.509 encoding. */
  static String publicKey() {
    try {
      byte[] encoded =
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
      return Base64.getEncoder().encodeToString(encoded);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK 15+ has Ed25519", e);
    }
  }
}
