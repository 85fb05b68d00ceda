package dev.sextant.core.graph;

import static dev.sextant.core.graph.TestReleases.examples;
import static dev.sextant.core.graph.TestReleases.release;
import static dev.sextant.core.graph.TestReleases.releases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static List<String> services(List<ReleaseSpec> releases) {
    return releases.stream().map(ReleaseSpec::service).toList();
  }

  @Test
  void the_examples_roll_out_their_providers_before_checkout_web() {
    DependencyGraph graph = DependencyGraph.of(examples());

    assertThat(services(graph.order()))
        .containsExactly("fraud-detector", "payments-api", "checkout-web");
    assertThat(graph.api("payments-api")).contains(SemanticVersion.parse("2.4.0"));
    assertThat(graph.api("checkout-web")).isEmpty();
    assertThat(graph.dependencies("checkout-web"))
        .extracting(DependencyEdge::provider)
        .containsExactly("payments-api", "fraud-detector");
    assertThat(graph.dependencies("checkout-web"))
        .allSatisfy(edge -> assertThat(graph.unsatisfied(edge)).isEmpty());
  }

  @Test
  void a_new_major_payments_api_would_break_checkout_web_and_says_how() {
    DependencyGraph graph = DependencyGraph.of(examples());

    List<Unsatisfied> broken = graph.impact("payments-api", SemanticVersion.parse("3.0.0"));

    assertThat(broken)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.reason()).isEqualTo(Unsatisfied.Reason.OUT_OF_RANGE);
              assertThat(u.dependency().consumer()).isEqualTo("checkout-web");
              assertThat(u.dependency().consumerVersion()).isEqualTo("3.2.0");
              assertThat(u.dependency().range()).hasToString("^2.1.0");
              assertThat(u.message())
                  .isEqualTo(
                      "checkout-web 3.2.0 needs payments-api ^2.1.0, but payments-api would provide API 3.0.0 (it provides 2.4.0 now)");
            });
    assertThat(graph.impact("payments-api", SemanticVersion.parse("2.9.0"))).isEmpty();
    assertThat(graph.impact("fraud-detector", SemanticVersion.parse("1.1.0")))
        .extracting(u -> u.dependency().consumer())
        .containsExactly("checkout-web");
    assertThat(graph.impact("checkout-web", SemanticVersion.parse("9.0.0"))).isEmpty();
  }

  @Test
  void impact_lists_every_consumer_by_name_and_spares_those_whose_alternatives_still_match() {
    DependencyGraph graph =
        DependencyGraph.of(
            releases(
                "ledger 1.0.0 api=1.4.0",
                "web 2.0.0 ledger:^1.2.0",
                "batch 0.9.0 ledger:~1.4.0",
                "reports 5.1.0 ledger:^1.0.0 || ^2.0.0",
                "admin 1.1.0 ledger:>=1.0.0 <1.5.0"));

    assertThat(graph.impact("ledger", SemanticVersion.parse("2.0.0")))
        .extracting(u -> u.dependency().consumer() + " " + u.dependency().range())
        .containsExactly("admin >=1.0.0 <1.5.0", "batch ~1.4.0", "web ^1.2.0");
    assertThat(graph.impact("ledger", SemanticVersion.parse("1.5.0")))
        .extracting(u -> u.dependency().consumer())
        .containsExactly("admin", "batch");
    assertThat(graph.consumers("ledger"))
        .extracting(DependencyEdge::consumer)
        .containsExactly("admin", "batch", "reports", "web");
  }

  @Test
  void a_cycle_is_named_service_by_service_from_the_smallest_name_whatever_the_input_order() {
    List<ReleaseSpec> cyclic =
        new ArrayList<>(
            releases(
                "billing 1.0.0 api=1.0.0 invoices:^1.0.0",
                "invoices 1.0.0 api=1.0.0 tax:^1.0.0",
                "tax 1.0.0 api=1.0.0 billing:^1.0.0",
                "web 1.0.0 billing:^1.0.0"));

    for (int rotation = 0; rotation < cyclic.size(); rotation++) {
      Collections.rotate(cyclic, 1);
      assertThatThrownBy(() -> DependencyGraph.of(cyclic))
          .isInstanceOfSatisfying(
              DependencyCycleException.class,
              e ->
                  assertThat(e.cycles())
                      .containsExactly(List.of("billing", "invoices", "tax", "billing")))
          .hasMessageStartingWith("dependency cycle: billing → invoices → tax → billing");
    }
  }

  @Test
  void the_cycle_reported_is_the_shortest_through_the_smallest_name() {
    assertThatThrownBy(
            () ->
                DependencyGraph.of(
                    releases(
                        "a 1.0.0 api=1.0.0 d:^1.0.0 b:^1.0.0",
                        "b 1.0.0 api=1.0.0 c:^1.0.0",
                        "c 1.0.0 api=1.0.0 a:^1.0.0",
                        "d 1.0.0 api=1.0.0 e:^1.0.0",
                        "e 1.0.0 api=1.0.0 f:^1.0.0",
                        "f 1.0.0 api=1.0.0 a:^1.0.0")))
        .hasMessageStartingWith("dependency cycle: a → b → c → a");
    assertThatThrownBy(() -> DependencyGraph.of(releases("solo 1.0.0 api=1.0.0 solo:^1.0.0")))
        .hasMessageStartingWith("dependency cycle: solo → solo");
  }

  @Test
  void separate_cycles_are_all_named_in_one_error() {
    assertThatThrownBy(
            () ->
                DependencyGraph.of(
                    releases(
                        "web 1.0.0 api=1.0.0 api:^1.0.0",
                        "api 1.0.0 api=1.0.0 web:^1.0.0",
                        "tax 1.0.0 api=1.0.0 billing:^1.0.0",
                        "billing 1.0.0 api=1.0.0 tax:^1.0.0",
                        "solo 1.0.0 api=1.0.0 solo:^1.0.0",
                        "free 1.0.0 api=1.0.0 web:^1.0.0")))
        .isInstanceOfSatisfying(
            DependencyCycleException.class,
            e ->
                assertThat(e.cycles())
                    .containsExactly(
                        List.of("api", "web", "api"),
                        List.of("billing", "tax", "billing"),
                        List.of("solo", "solo")))
        .hasMessageStartingWith(
            "dependency cycles: api → web → api; billing → tax → billing; solo → solo;");
  }

  @Test
  void services_free_to_go_together_go_in_name_order_whatever_the_input_order() {
    List<ReleaseSpec> diamond =
        new ArrayList<>(
            releases(
                "web 1.0.0 cart:^1.0.0 search:^1.0.0",
                "search 1.0.0 api=1.0.0 catalog:^1.0.0",
                "cart 1.0.0 api=1.0.0 catalog:^1.0.0 auth:^1.0.0",
                "catalog 1.0.0 api=1.0.0",
                "auth 1.0.0 api=1.0.0",
                "zeta 1.0.0",
                "alpha 1.0.0"));

    for (int rotation = 0; rotation < diamond.size(); rotation++) {
      Collections.rotate(diamond, 1);
      assertThat(services(DependencyGraph.of(diamond).order()))
          .containsExactly("alpha", "auth", "catalog", "cart", "search", "web", "zeta");
    }
  }

  @Test
  void a_dependency_on_a_service_without_a_release_is_unmet_but_orders_nothing() {
    DependencyGraph graph =
        DependencyGraph.of(releases("web 1.0.0 payments:^2.0.0 search:^1.0.0", "search 1.0.0"));

    List<DependencyEdge> needs = graph.dependencies("web");

    assertThat(graph.unsatisfied(needs.get(0)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.reason()).isEqualTo(Unsatisfied.Reason.NO_RELEASE);
              assertThat(u.message())
                  .isEqualTo(
                      "web 1.0.0 needs payments ^2.0.0, but there is no release of payments");
            });
    assertThat(graph.unsatisfied(needs.get(1)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.reason()).isEqualTo(Unsatisfied.Reason.NO_API);
              assertThat(u.message())
                  .isEqualTo(
                      "web 1.0.0 needs search ^1.0.0, but search 1.0.0 does not say which API version it provides (spec.api.version)");
            });
    assertThat(services(graph.order())).containsExactly("search", "web");
    assertThat(graph.consumers("payments")).hasSize(1);
    assertThat(graph.release("payments")).isEmpty();
  }

  @Test
  void planned_releases_replace_those_in_place_and_are_checked_together() {
    List<ReleaseSpec> inPlace = examples();
    ReleaseSpec payments3 = release("payments-api 3.0.0 api=3.0.0");
    ReleaseSpec checkout4 = release("checkout-web 4.0.0 payments-api:^3.0.0 fraud-detector:^1.2.0");

    DependencyGraph after = DependencyGraph.replacing(inPlace, List.of(payments3));
    List<ReleaseCheck> alone = DependencyGraph.of(inPlace).check(List.of(payments3));
    List<ReleaseCheck> together = DependencyGraph.of(inPlace).check(List.of(payments3, checkout4));

    assertThat(after.release("payments-api")).contains(payments3);
    assertThat(after.release("checkout-web")).map(ReleaseSpec::version).contains("3.2.0");
    assertThat(alone)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.unmetDependencies()).isEmpty();
              assertThat(check.brokenConsumers())
                  .extracting(Unsatisfied::message)
                  .containsExactly(
                      "checkout-web 3.2.0 needs payments-api ^2.1.0, but payments-api 3.0.0 provides API 3.0.0");
              assertThat(check.ok()).isFalse();
            });
    assertThat(together).allSatisfy(check -> assertThat(check.ok()).as(check.toString()).isTrue());
    assertThat(DependencyGraph.of(inPlace).check(List.of(checkout4)))
        .singleElement()
        .satisfies(
            check ->
                assertThat(check.unmetDependencies())
                    .extracting(Unsatisfied::message)
                    .containsExactly(
                        "checkout-web 4.0.0 needs payments-api ^3.0.0, but payments-api 2.4.0 provides API 2.4.0"));
  }

  @Test
  void a_planned_release_that_closes_a_cycle_is_refused_naming_it() {
    DependencyGraph graph = DependencyGraph.of(examples());

    assertThatThrownBy(
            () -> graph.check(List.of(release("payments-api 2.5.0 api=2.5.0 checkout-web:^3.0.0"))))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessageStartingWith("dependency cycle: checkout-web → payments-api → checkout-web");
  }

  @Test
  void every_bad_version_range_and_second_release_is_reported_with_its_field() {
    assertThatThrownBy(
            () ->
                DependencyGraph.of(
                    releases(
                        "web 1.0 a:^1.0.0 b:oops", "api 2.0.0 api=two", "api 2.1.0 api=2.1.0")))
        .isInstanceOfSatisfying(
            InvalidReleaseException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.service() + " " + p.version() + " " + p.field())
                    .containsExactlyInAnyOrder(
                        "api 2.1.0 spec.service",
                        "api 2.0.0 spec.api.version",
                        "web 1.0 spec.version",
                        "web 1.0 spec.dependencies[1].api"))
        .hasMessageContaining(
            "release web 1.0: spec.dependencies[1].api: \"oops\" is not an npm version range");
  }

  @Test
  void latest_keeps_the_newest_release_of_each_service_by_semver_not_by_text() {
    List<ReleaseSpec> latest =
        Releases.latest(
            releases(
                "web 2.9.0",
                "api 3.0.0-rc.1",
                "web 2.10.0",
                "api 2.4.0",
                "api 3.0.0",
                "web 2.10.0-beta.1"));

    assertThat(latest)
        .extracting(r -> r.service() + " " + r.version())
        .containsExactly("api 3.0.0", "web 2.10.0");
    assertThatThrownBy(() -> Releases.latest(releases("web 1.0.0", "web 1.0.0")))
        .isInstanceOf(InvalidReleaseException.class)
        .hasMessageContaining("two releases of web have version 1.0.0");
  }
}
