package dev.sextant.core.graph;

import dev.sextant.core.resource.spec.Dependency;
import dev.sextant.core.resource.spec.ReleaseSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Services and the APIs they need of each other, one release per service. A vertex is a service
 * with a release; an edge runs from a consumer to a provider it depends on. A dependency on a
 * service without a release stays in {@link #dependencies} (and is {@link #unsatisfied}) but adds
 * no edge, so it neither orders nor blocks anything.
 *
 * <p>A graph is always acyclic: the factories refuse a cycle, since no rollout order exists for one
 * (DESIGN §4). Every answer is deterministic: services are taken in name order wherever the
 * dependencies leave a choice.
 */
public final class DependencyGraph {
  private final SortedMap<String, ReleaseSpec> releases;
  private final Map<String, SemanticVersion> apis;
  private final Map<String, List<DependencyEdge>> dependencies;
  private final Map<String, List<DependencyEdge>> consumers;
  private final Graph<String, DefaultEdge> graph;

  private DependencyGraph(
      SortedMap<String, ReleaseSpec> releases,
      Map<String, SemanticVersion> apis,
      Map<String, List<DependencyEdge>> dependencies) {
    this.releases = Collections.unmodifiableSortedMap(releases);
    this.apis = Map.copyOf(apis);
    this.dependencies = Map.copyOf(dependencies);
    Map<String, List<DependencyEdge>> byProvider = new HashMap<>();
    // Releases are visited in name order, so consumers come out sorted by consumer.
    releases
        .keySet()
        .forEach(
            consumer ->
                dependencies
                    .get(consumer)
                    .forEach(
                        edge ->
                            byProvider
                                .computeIfAbsent(edge.provider(), p -> new ArrayList<>())
                                .add(edge)));
    this.consumers = Map.copyOf(byProvider);
    this.graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    releases.keySet().forEach(graph::addVertex);
    for (List<DependencyEdge> edges : dependencies.values()) {
      for (DependencyEdge edge : edges) {
        if (releases.containsKey(edge.provider())) {
          graph.addEdge(edge.consumer(), edge.provider());
        }
      }
    }
    List<List<String>> cycles = findCycles();
    if (!cycles.isEmpty()) {
      throw new DependencyCycleException(cycles);
    }
  }

  /**
   * The graph of these releases.
   *
   * @throws InvalidReleaseException naming every version or range that does not parse, and every
   *     service with more than one release (see {@link Releases#latest} to choose one)
   * @throws DependencyCycleException when the releases depend on each other in a circle
   */
  public static DependencyGraph of(List<ReleaseSpec> releases) {
    List<InvalidReleaseException.Problem> problems = duplicates(releases);
    SortedMap<String, ReleaseSpec> byService = new TreeMap<>();
    releases.forEach(release -> byService.putIfAbsent(release.service(), release));
    Map<String, SemanticVersion> apis = new HashMap<>();
    Map<String, List<DependencyEdge>> dependencies = new HashMap<>();
    for (ReleaseSpec release : byService.values()) {
      parsed(release, problems, () -> SemanticVersion.parse(release.version()), "spec.version");
      release
          .api()
          .ifPresent(
              api -> {
                SemanticVersion version =
                    parsed(
                        release,
                        problems,
                        () -> SemanticVersion.parse(api.version()),
                        "spec.api.version");
                if (version != null) {
                  apis.put(release.service(), version);
                }
              });
      List<DependencyEdge> edges = new ArrayList<>();
      for (int i = 0; i < release.dependencies().size(); i++) {
        Dependency dependency = release.dependencies().get(i);
        ApiRange range =
            parsed(
                release,
                problems,
                () -> ApiRange.parse(dependency.api()),
                "spec.dependencies[" + i + "].api");
        if (range != null) {
          edges.add(
              new DependencyEdge(
                  release.service(),
                  release.version(),
                  dependency.service(),
                  range,
                  dependency.description()));
        }
      }
      dependencies.put(release.service(), List.copyOf(edges));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReleaseException(problems);
    }
    return new DependencyGraph(byService, apis, dependencies);
  }

  /**
   * The graph once the planned releases have replaced the releases in place of the same services;
   * services with no planned release keep the one in place, and planned services new to the graph
   * join it.
   *
   * @throws InvalidReleaseException as {@link #of}, for either list on its own or the result
   * @throws DependencyCycleException when the result has a cycle
   */
  public static DependencyGraph replacing(List<ReleaseSpec> inPlace, List<ReleaseSpec> planned) {
    List<InvalidReleaseException.Problem> problems = duplicates(inPlace);
    problems.addAll(duplicates(planned));
    if (!problems.isEmpty()) {
      throw new InvalidReleaseException(problems);
    }
    Map<String, ReleaseSpec> after = new TreeMap<>();
    inPlace.forEach(r -> after.put(r.service(), r));
    planned.forEach(r -> after.put(r.service(), r));
    return of(List.copyOf(after.values()));
  }

  /** Every release, sorted by service. */
  public List<ReleaseSpec> releases() {
    return List.copyOf(releases.values());
  }

  public Optional<ReleaseSpec> release(String service) {
    return Optional.ofNullable(releases.get(service));
  }

  /** The API version the service's release provides ({@code spec.api.version}), if it says. */
  public Optional<SemanticVersion> api(String service) {
    return Optional.ofNullable(apis.get(service));
  }

  /** What the consumer's release needs, in the order its {@code spec.dependencies} lists them. */
  public List<DependencyEdge> dependencies(String consumer) {
    return dependencies.getOrDefault(consumer, List.of());
  }

  /** The dependencies on a provider, sorted by consumer; a provider need not have a release. */
  public List<DependencyEdge> consumers(String provider) {
    return consumers.getOrDefault(provider, List.of());
  }

  /** Why the provider in this graph does not meet the dependency; empty when it does. */
  public List<Unsatisfied> unsatisfied(DependencyEdge edge) {
    ReleaseSpec provider = releases.get(edge.provider());
    if (provider == null) {
      return List.of(
          new Unsatisfied(
              edge,
              Unsatisfied.Reason.NO_RELEASE,
              edge.needs() + ", but there is no release of " + edge.provider()));
    }
    SemanticVersion api = apis.get(edge.provider());
    if (api == null) {
      return List.of(
          new Unsatisfied(
              edge,
              Unsatisfied.Reason.NO_API,
              edge.needs()
                  + ", but "
                  + edge.provider()
                  + " "
                  + provider.version()
                  + " does not say which API version it provides (spec.api.version)"));
    }
    if (!edge.range().includes(api)) {
      return List.of(
          new Unsatisfied(
              edge,
              Unsatisfied.Reason.OUT_OF_RANGE,
              edge.needs()
                  + ", but "
                  + edge.provider()
                  + " "
                  + provider.version()
                  + " provides API "
                  + api));
    }
    return List.of();
  }

  /**
   * Every release in rollout order: each provider before its consumers, and among releases free to
   * go next, the smallest service name first.
   */
  public List<ReleaseSpec> order() {
    TopologicalOrderIterator<String, DefaultEdge> providersFirst =
        new TopologicalOrderIterator<>(new EdgeReversedGraph<>(graph), Comparator.naturalOrder());
    List<ReleaseSpec> order = new ArrayList<>(releases.size());
    providersFirst.forEachRemaining(service -> order.add(releases.get(service)));
    return List.copyOf(order);
  }

  /**
   * What each planned release would do if all of them replaced the releases in this graph: the
   * dependencies of its own that would be unmet, and the consumers whose range its API would not
   * include. Planned releases are judged together, so a consumer and its new provider planned side
   * by side are checked against each other. Results follow the order of {@code planned}.
   *
   * @throws InvalidReleaseException as {@link #replacing}
   * @throws DependencyCycleException when the planned releases would close a cycle
   */
  public List<ReleaseCheck> check(List<ReleaseSpec> planned) {
    DependencyGraph after = replacing(releases(), planned);
    List<ReleaseCheck> checks = new ArrayList<>(planned.size());
    for (ReleaseSpec release : planned) {
      List<Unsatisfied> unmet =
          after.dependencies(release.service()).stream()
              .flatMap(e -> after.unsatisfied(e).stream())
              .toList();
      List<Unsatisfied> broken =
          after.consumers(release.service()).stream()
              .flatMap(e -> after.unsatisfied(e).stream())
              .toList();
      checks.add(new ReleaseCheck(release, unmet, broken));
    }
    return List.copyOf(checks);
  }

  /**
   * Every dependency on {@code service} whose range would exclude {@code newApi}, sorted by
   * consumer; empty when nothing depends on the service or every consumer accepts the version.
   */
  public List<Unsatisfied> impact(String service, SemanticVersion newApi) {
    Objects.requireNonNull(newApi, "newApi");
    String now = api(service).map(api -> " (it provides " + api + " now)").orElse("");
    return consumers(service).stream()
        .filter(edge -> !edge.range().includes(newApi))
        .map(
            edge ->
                new Unsatisfied(
                    edge,
                    Unsatisfied.Reason.OUT_OF_RANGE,
                    edge.needs() + ", but " + service + " would provide API " + newApi + now))
        .toList();
  }

  /**
   * One cycle per group of services that depend on each other in a circle (a strongly connected
   * group, or a service that needs itself), so that one error names every circle to break: each the
   * shortest through its group's smallest name, found breadth first with neighbours in name order,
   * and the groups by that name, so the same graph gives the same cycles.
   */
  private List<List<String>> findCycles() {
    List<TreeSet<String>> groups = new ArrayList<>();
    for (Set<String> component :
        new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
      String only = component.iterator().next();
      if (component.size() > 1 || graph.containsEdge(only, only)) {
        groups.add(new TreeSet<>(component));
      }
    }
    groups.sort(Comparator.comparing(TreeSet::first));
    return groups.stream().map(group -> shortestCycle(group.first())).toList();
  }

  private List<String> shortestCycle(String start) {
    Map<String, String> previous = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String at = queue.removeFirst();
      for (String next : successors(at)) {
        if (next.equals(start)) {
          List<String> cycle = new ArrayList<>(List.of(start));
          for (String v = at; !v.equals(start); v = previous.get(v)) {
            cycle.add(1, v);
          }
          cycle.add(start);
          return cycle;
        }
        if (!previous.containsKey(next)) {
          previous.put(next, at);
          queue.addLast(next);
        }
      }
    }
    throw new IllegalStateException("a service on a cycle has a path back to itself");
  }

  private List<String> successors(String service) {
    return graph.outgoingEdgesOf(service).stream().map(graph::getEdgeTarget).sorted().toList();
  }

  private static List<InvalidReleaseException.Problem> duplicates(List<ReleaseSpec> releases) {
    Map<String, ReleaseSpec> seen = new HashMap<>();
    List<InvalidReleaseException.Problem> problems = new ArrayList<>();
    for (ReleaseSpec release : releases) {
      ReleaseSpec first = seen.putIfAbsent(release.service(), release);
      if (first != null) {
        problems.add(
            problem(
                release,
                "spec.service",
                "a second release of "
                    + release.service()
                    + " (the first is version "
                    + first.version()
                    + "); the graph holds one release per service"));
      }
    }
    return problems;
  }

  private static InvalidReleaseException.Problem problem(
      ReleaseSpec release, String field, String reason) {
    return new InvalidReleaseException.Problem(release.service(), release.version(), field, reason);
  }

  private static <T> T parsed(
      ReleaseSpec release,
      List<InvalidReleaseException.Problem> problems,
      Supplier<T> parse,
      String field) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      problems.add(problem(release, field, e.getMessage()));
      return null;
    }
  }
}
