package dev.sextant.server.store;

import static dev.sextant.server.store.Documents.resource;
import static dev.sextant.server.store.Documents.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.store.ApplyOutcome.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ResourceRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class ResourceRepositoryContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final ResourceKey CHECKOUT = new ResourceKey(Kind.SERVICE, "checkout");

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  private ResourceUnits open(Db db) {
    return new ResourceUnits(databases.open(db));
  }

  @StoreTest
  void the_first_apply_creates_revision_1(Db db) {
    ResourceUnits store = open(db);
    Resource checkout = service("checkout", "registry/checkout:1.0", "tier=prod");

    ApplyOutcome outcome = store.apply(checkout, "alice");

    assertThat(outcome.change()).isEqualTo(Change.CREATED);
    assertThat(outcome.revision().key()).isEqualTo(CHECKOUT);
    assertThat(outcome.revision().number()).isEqualTo(1);
    assertThat(outcome.revision().digest()).isEqualTo(checkout.digest());
    assertThat(outcome.revision().document()).isEqualTo(checkout.document());
    assertThat(store.latest(CHECKOUT)).contains(outcome.revision());
  }

  @StoreTest
  void the_same_content_written_differently_is_unchanged_and_adds_no_revision(Db db) {
    ResourceUnits store = open(db);
    ApplyOutcome first =
        store.apply(
            resource(
                """
                {"apiVersion": "sextant.dev/v1", "kind": "Service",
                 "metadata": {"name": "checkout", "labels": {"tier": "prod", "team": "payments"}},
                 "spec": {"image": "registry/checkout:1.0", "ports": [8080, 8443]}}
                """),
            "alice");
    clock.advance(Duration.ofMinutes(5));

    ApplyOutcome again =
        store.apply(
            resource(
                """
                {
                  "spec"    : { "ports": [ 8080, 8443 ], "image": "registry/checkout:1.0" },
                  "metadata": {
                    "labels": { "team": "payments", "tier": "prod" },
                    "name": "checkout"
                  },
                  "kind"    : "Service",
                  "apiVersion": "sextant.dev/v1"
                }
                """),
            "bob");

    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.revision()).isEqualTo(first.revision());
    assertThat(again.revision().author()).isEqualTo("alice");
    assertThat(store.history(CHECKOUT)).hasSize(1);
  }

  @StoreTest
  void one_changed_field_gives_revision_2_with_a_different_digest(Db db) {
    ResourceUnits store = open(db);
    ApplyOutcome first = store.apply(service("checkout", "registry/checkout:1.0", ""), "alice");

    ApplyOutcome second = store.apply(service("checkout", "registry/checkout:1.1", ""), "alice");

    assertThat(second.change()).isEqualTo(Change.CONFIGURED);
    assertThat(second.revision().number()).isEqualTo(2);
    assertThat(second.revision().digest()).isNotEqualTo(first.revision().digest());
    assertThat(store.latest(CHECKOUT).map(Revision::number)).contains(2L);
  }

  @StoreTest
  void every_revision_reads_back_as_the_same_tree_with_the_same_digest(Db db) {
    ResourceUnits store = open(db);
    Resource v1 =
        resource(
            """
            {"apiVersion": "sextant.dev/v1", "kind": "Service",
             "metadata": {"name": "checkout", "annotations": {"note": "naïve ✓ \\"quoted\\" \\n"}},
             "spec": {"image": "registry/checkout:1.0", "replicas": 3, "weight": 0.25,
                      "big": 12345678901234567890, "negative": -7, "enabled": true,
                      "nothing": null, "empty": {}, "none": [], "nested": [{"b": 1, "a": [2, 3]}]}}
            """);
    Resource v2 =
        resource(
            """
            {"apiVersion": "sextant.dev/v1", "kind": "Service",
             "metadata": {"name": "checkout"},
             "spec": {"image": "registry/checkout:2.0", "replicas": 1e3, "weight": 1.5E-7}}
            """);
    store.apply(v1, "alice");
    store.apply(v2, "alice");

    for (Resource original : List.of(v1, v2)) {
      long number = original == v1 ? 1 : 2;
      Revision stored = store.revision(CHECKOUT, number).orElseThrow();
      assertThat(stored.document()).isEqualTo(original.document());
      assertThat(stored.digest()).isEqualTo(original.digest());
      assertThat(readBackDigest(stored)).isEqualTo(original.digest());
    }
  }

  @StoreTest
  void a_document_of_a_mebibyte_is_stored_and_read_back_whole(Db db) {
    ResourceUnits store = open(db);
    Resource large = service("checkout", "registry/checkout:" + "x".repeat(1 << 20), "");

    store.apply(large, "alice");

    Revision stored = store.latest(CHECKOUT).orElseThrow();
    assertThat(stored.document()).isEqualTo(large.document());
    assertThat(stored.digest()).isEqualTo(large.digest());
  }

  @StoreTest
  void history_is_oldest_first_with_the_author_and_the_time_of_each_apply(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", ""), "alice");
    clock.advance(Duration.ofSeconds(90));
    store.apply(service("checkout", "registry/checkout:1.1", ""), "bob");
    clock.advance(Duration.ofDays(2));
    store.apply(service("checkout", "registry/checkout:1.2", ""), "carol");

    List<Revision> history = store.history(CHECKOUT);

    assertThat(history).extracting(Revision::number).containsExactly(1L, 2L, 3L);
    assertThat(history).extracting(Revision::author).containsExactly("alice", "bob", "carol");
    Instant first = Instant.parse("2025-03-01T09:30:00.123Z");
    assertThat(history)
        .extracting(Revision::createdAt)
        .containsExactly(
            first, first.plusSeconds(90), first.plusSeconds(90).plus(Duration.ofDays(2)));
    assertThat(history)
        .extracting(r -> r.document().at("/spec/image").asText())
        .containsExactly("registry/checkout:1.0", "registry/checkout:1.1", "registry/checkout:1.2");
  }

  @StoreTest
  void the_time_of_a_revision_is_kept_to_the_millisecond(Db db) {
    ResourceUnits store = open(db);

    Revision applied =
        store.apply(service("checkout", "registry/checkout:1.0", ""), "alice").revision();

    Instant millis = Instant.parse("2025-03-01T09:30:00.123Z");
    assertThat(applied.createdAt()).isEqualTo(millis);
    assertThat(store.latest(CHECKOUT).orElseThrow().createdAt()).isEqualTo(millis);
  }

  @StoreTest
  void applying_earlier_content_again_adds_a_revision_because_only_the_current_one_counts(Db db) {
    ResourceUnits store = open(db);
    Resource original = service("checkout", "registry/checkout:1.0", "");
    store.apply(original, "alice");
    store.apply(service("checkout", "registry/checkout:1.1", ""), "alice");

    ApplyOutcome rollback = store.apply(original, "alice");

    assertThat(rollback.change()).isEqualTo(Change.CONFIGURED);
    assertThat(rollback.revision().number()).isEqualTo(3);
    assertThat(rollback.revision().digest())
        .isEqualTo(store.revision(CHECKOUT, 1).orElseThrow().digest());
  }

  @StoreTest
  void resources_of_different_kinds_with_the_same_name_are_apart(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", ""), "alice");

    ApplyOutcome environment = store.apply(environment("checkout", "region=eu"), "alice");

    assertThat(environment.change()).isEqualTo(Change.CREATED);
    assertThat(store.history(CHECKOUT)).hasSize(1);
    assertThat(store.history(new ResourceKey(Kind.ENVIRONMENT, "checkout"))).hasSize(1);
  }

  @StoreTest
  void list_gives_the_current_revision_of_each_resource_by_kind_then_name(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("payments", "registry/payments:1.0", "tier=prod"), "alice");
    store.apply(environment("staging", "region=eu"), "alice");
    store.apply(service("Cart", "registry/cart:1.0", "tier=dev"), "alice");
    store.apply(service("checkout", "registry/checkout:1.0", "tier=prod"), "alice");
    store.apply(service("checkout", "registry/checkout:1.1", "tier=prod,canary="), "alice");
    store.apply(service("cart-v2", "registry/cart:2.0", ""), "alice");
    store.apply(environment("production", "region=us"), "alice");

    List<Revision> everything = store.list(Optional.empty(), LabelSelector.EVERYTHING);

    // Kinds in declaration order, names by code point: upper case before lower case.
    assertThat(everything)
        .extracting(r -> r.key().toString())
        .containsExactly(
            "Environment/production",
            "Environment/staging",
            "Service/Cart",
            "Service/cart-v2",
            "Service/checkout",
            "Service/payments");
    assertThat(everything)
        .filteredOn(r -> r.key().equals(CHECKOUT))
        .singleElement()
        .satisfies(r -> assertThat(r.number()).isEqualTo(2));
    assertThat(store.list(Optional.of(Kind.SERVICE), LabelSelector.EVERYTHING))
        .extracting(r -> r.key().name())
        .containsExactly("Cart", "cart-v2", "checkout", "payments");
    assertThat(store.list(Optional.of(Kind.POLICY), LabelSelector.EVERYTHING)).isEmpty();
  }

  @StoreTest
  void list_keeps_only_resources_whose_labels_match_the_selector(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", "tier=prod,team=payments"), "alice");
    store.apply(service("payments", "registry/payments:1.0", "tier=prod"), "alice");
    store.apply(service("cart", "registry/cart:1.0", "tier=dev,team=payments"), "alice");
    store.apply(service("search", "registry/search:1.0", ""), "alice");
    store.apply(environment("prod-eu", "tier=prod"), "alice");

    Function<String, List<String>> names =
        selector ->
            store.list(Optional.of(Kind.SERVICE), LabelSelector.parse(selector)).stream()
                .map(r -> r.key().name())
                .toList();

    assertThat(names.apply("tier=prod")).containsExactly("checkout", "payments");
    assertThat(names.apply("tier=prod,team=payments")).containsExactly("checkout");
    assertThat(names.apply("tier in (dev,prod),team")).containsExactly("cart", "checkout");
    assertThat(names.apply("tier!=prod")).containsExactly("cart", "search");
    assertThat(names.apply("!team")).containsExactly("payments", "search");
    assertThat(names.apply("tier notin (dev)")).containsExactly("checkout", "payments", "search");
    assertThat(store.list(Optional.empty(), LabelSelector.parse("tier=prod")))
        .extracting(r -> r.key().toString())
        .containsExactly("Environment/prod-eu", "Service/checkout", "Service/payments");
  }

  @StoreTest
  void list_selects_by_the_labels_of_the_current_revision(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", "tier=prod"), "alice");
    store.apply(service("checkout", "registry/checkout:1.0", "tier=retired"), "alice");

    assertThat(store.list(Optional.empty(), LabelSelector.parse("tier=prod"))).isEmpty();
    assertThat(store.list(Optional.empty(), LabelSelector.parse("tier=retired")))
        .extracting(Revision::number)
        .containsExactly(2L);
  }

  @StoreTest
  void an_unknown_resource_has_no_latest_revision_no_history_and_no_revision_1(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", ""), "alice");
    ResourceKey unknown = new ResourceKey(Kind.SERVICE, "unknown");

    assertThat(store.latest(unknown)).isEmpty();
    assertThat(store.history(unknown)).isEmpty();
    assertThat(store.revision(unknown, 1)).isEmpty();
    assertThat(store.revision(CHECKOUT, 2)).isEmpty();
    assertThat(store.revision(CHECKOUT, 0)).isEmpty();
  }

  @StoreTest
  void an_apply_without_an_author_is_refused_and_stores_nothing(Db db) {
    ResourceUnits store = open(db);
    Resource checkout = service("checkout", "registry/checkout:1.0", "");

    assertThatThrownBy(() -> store.apply(checkout, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("author");
    assertThatThrownBy(() -> store.apply(checkout, "a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.latest(CHECKOUT)).isEmpty();
  }

  /**
   * Threads apply different content to one resource at once. Each apply that returns got a revision
   * of its own, the numbers run 1, 2, 3 … with no gap, and every revision holds what its apply
   * stored: no apply was lost or merged with another.
   */
  /**
   * Applies, sending it again after a conflict: a conflict stores nothing and says to try again,
   * which on a busy row and a busy machine may happen even after the store's own retries.
   */
  private static ApplyOutcome applyAsAClientWould(
      ResourceUnits store, Resource resource, String author) {
    for (int attempt = 1; ; attempt++) {
      try {
        return store.apply(resource, author);
      } catch (ConflictException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  @StoreTest
  void concurrent_applies_to_one_resource_get_consecutive_revisions_and_none_is_lost(Db db)
      throws Exception {
    ResourceUnits store = open(db);
    int threads = 6;
    int appliesPerThread = 10;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<ApplyOutcome>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<ApplyOutcome>> applier =
            () -> {
              start.await();
              List<ApplyOutcome> outcomes = new ArrayList<>();
              for (int i = 0; i < appliesPerThread; i++) {
                String image = "registry/checkout:" + thread + "." + i;
                outcomes.add(
                    applyAsAClientWould(store, service("checkout", image, ""), "thread-" + thread));
              }
              return outcomes;
            };
        futures.add(pool.submit(applier));
      }
      List<ApplyOutcome> outcomes = new ArrayList<>();
      for (Future<List<ApplyOutcome>> future : futures) {
        outcomes.addAll(unwrap(future));
      }

      int total = threads * appliesPerThread;
      assertThat(outcomes).hasSize(total);
      assertThat(outcomes).filteredOn(o -> o.change() == Change.CREATED).hasSize(1);
      assertThat(outcomes).extracting(ApplyOutcome::change).doesNotContain(Change.UNCHANGED);
      assertThat(outcomes)
          .extracting(o -> o.revision().number())
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      List<Revision> history = store.history(CHECKOUT);
      assertThat(history)
          .extracting(Revision::number)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      Set<Digest> applied = new HashSet<>();
      for (ApplyOutcome outcome : outcomes) {
        Revision stored = history.get((int) outcome.revision().number() - 1);
        assertThat(stored.digest()).isEqualTo(outcome.revision().digest());
        assertThat(stored.author()).isEqualTo(outcome.revision().author());
        applied.add(stored.digest());
      }
      assertThat(applied).hasSize(total);
      assertThat(store.latest(CHECKOUT).map(Revision::number)).contains((long) total);
    } finally {
      pool.shutdownNow();
    }
  }

  @StoreTest
  void closing_and_opening_the_store_again_keeps_every_revision(Db db) {
    ResourceUnits store = open(db);
    store.apply(service("checkout", "registry/checkout:1.0", "tier=prod"), "alice");
    store.apply(service("checkout", "registry/checkout:1.1", "tier=prod"), "bob");
    List<Revision> before = store.history(CHECKOUT);
    store.close();

    ResourceUnits reopened = open(db);

    assertThat(reopened.history(CHECKOUT)).isEqualTo(before);
    assertThat(
            reopened
                .apply(service("checkout", "registry/checkout:1.1", "tier=prod"), "carol")
                .change())
        .isEqualTo(Change.UNCHANGED);
    assertThat(
            reopened
                .apply(service("checkout", "registry/checkout:1.2", "tier=prod"), "carol")
                .revision()
                .number())
        .isEqualTo(3);
  }

  /**
   * The repository as the services use it: each call a unit of work of its own, and an apply that
   * stores a revision appends the event that records it, as the outbox requires.
   */
  private record ResourceUnits(Database database) {
    ApplyOutcome apply(Resource resource, String author) {
      return database.write(
          "apply " + resource.key(),
          tx -> {
            ApplyOutcome outcome = tx.resources().apply(resource, author);
            if (outcome.change() != Change.UNCHANGED) {
              tx.events().append(ResourceApplied.of(outcome));
            }
            return outcome;
          });
    }

    Optional<Revision> latest(ResourceKey key) {
      return database.read("read the latest revision", tx -> tx.resources().latest(key));
    }

    List<Revision> list(Optional<Kind> kind, LabelSelector selector) {
      return database.read("list resources", tx -> tx.resources().list(kind, selector));
    }

    List<Revision> history(ResourceKey key) {
      return database.read("read the history", tx -> tx.resources().history(key));
    }

    Optional<Revision> revision(ResourceKey key, long number) {
      return database.read("read a revision", tx -> tx.resources().revision(key, number));
    }

    void close() {
      database.close();
    }
  }

  private static Resource environment(String name, String label) {
    String[] kv = label.split("=");
    return resource(
        """
        {"apiVersion": "sextant.dev/v1", "kind": "Environment",
         "metadata": {"name": "%s", "labels": {"%s": "%s"}}, "spec": {}}
        """
            .formatted(name, kv[0], kv[1]));
  }

  private static Digest readBackDigest(Revision revision) {
    ObjectNode document = revision.document();
    return Digest.sha256(CanonicalJson.bytes(document));
  }

  private static <T> T unwrap(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new AssertionError("an apply failed", e.getCause());
    }
  }
}
