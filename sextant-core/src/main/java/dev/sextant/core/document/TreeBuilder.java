package dev.sextant.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Builds JSON trees from a stream of YAML parse events, without recursion, recording positions
 * and enforcing the limits as it goes. Aliases are expanded by sharing the anchored subtree, and
 * their expanded size is charged against the node budget, which is what defeats alias bombs.
 */
final class TreeBuilder {
  private final String source;
  private final Limits limits;
  private final List<SourceDocument> documents = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Anchored> anchors = new HashMap<>();

  private Locations locations;
  private Position documentStart;
  private JsonNode root;
  private int documentIndex;
  private long nodes;
  private int aliases;
  private boolean stopped;

  TreeBuilder(String source, Limits limits) {
    this.source = source;
    this.limits = limits;
  }

  List<SourceDocument> documents() {
    return documents;
  }

  List<Problem> problems() {
    return problems;
  }

  boolean stopped() {
    return stopped;
  }

  void fail(Problem problem) {
    problems.add(problem);
    stopped = true;
  }

  void accept(Event event) {
    switch (event.getEventId()) {
      case DocumentStart -> startDocument((DocumentStartEvent) event);
      case DocumentEnd -> endDocument();
      case Scalar -> scalar((ScalarEvent) event);
      case Alias -> alias((AliasEvent) event);
      case MappingStart -> startCollection((CollectionStartEvent) event, Scalars.NODES.objectNode());
      case SequenceStart -> startCollection((CollectionStartEvent) event, Scalars.NODES.arrayNode());
      case MappingEnd, SequenceEnd -> endCollection();
      default -> {}
    }
  }

  private void startDocument(DocumentStartEvent event) {
    if (documentIndex >= limits.maxDocuments()) {
      fail(problem(at(event.getStartMark()), "", "more than " + limits.maxDocuments() + " documents in one file"));
      return;
    }
    documentIndex++;
    locations = new Locations();
    documentStart = at(event.getStartMark());
    root = null;
    nodes = 0;
    aliases = 0;
    anchors.clear();
  }

  private void endDocument() {
    // An empty document (a stray '---', a file of comments) is skipped, as kubectl does.
    if (root != null && !root.isNull()) {
      documents.add(new SourceDocument(source, documentIndex, documentStart, root, locations));
    }
  }

  private void scalar(ScalarEvent event) {
    Position position = at(event.getStartMark());
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      key(parent, event, position);
      return;
    }
    FieldPath path = nextPath(parent);
    String text = event.getValue();
    JsonNode value = scalarValue(event, path, position);
    if (value == null) {
      return;
    }
    locations.value(path, position);
    if (event.isPlain()) {
      locations.text(path, text);
    } else {
      locations.text(path, event.isSQuoted() ? "'" + text + "'" : "\"" + text + "\"");
    }
    if (charge(1, position)) {
      remember(event, value, 1);
      place(parent, value);
    }
  }

  private JsonNode scalarValue(ScalarEvent event, FieldPath path, Position position) {
    String tag = event.getTag();
    String text = event.getValue();
    boolean plainUntagged = tag == null && event.isPlain();
    if (tag == null || plainUntagged) {
      if (plainUntagged && Scalars.isNonFinite(text)) {
        problems.add(problem(position, path.toString(), "\"" + text + "\" is not a finite number; JSON has no infinity or NaN (quote it for a string)"));
        return Scalars.NODES.textNode(text);
      }
      return plainUntagged ? Scalars.plain(text) : Scalars.NODES.textNode(text);
    }
    Optional<Scalars.Kind> kind = Scalars.Kind.fromTag(tag);
    if (kind.isEmpty()) {
      fail(problem(position, path.toString(), "unsupported YAML tag " + tag + "; only the standard tags !!str, !!int, !!float, !!bool and !!null are allowed"));
      return null;
    }
    Optional<JsonNode> typed = Scalars.typed(text, kind.get());
    if (typed.isEmpty()) {
      problems.add(problem(position, path.toString(), "\"" + text + "\" is not a valid " + tag.substring(tag.lastIndexOf(':') + 1)));
      return Scalars.NODES.textNode(text);
    }
    return typed.get();
  }

  private void key(Frame parent, ScalarEvent event, Position position) {
    String name = event.getValue();
    if (event.isPlain() && event.getTag() == null && name.equals("<<")) {
      fail(problem(position, parent.path.toString(), "YAML merge keys (<<) are not supported; write the fields out"));
      return;
    }
    if (event.getAnchor() != null) {
      fail(problem(position, parent.path.toString(), "anchors on mapping keys are not supported"));
      return;
    }
    FieldPath path = parent.path.child(name);
    Position first = parent.keys.putIfAbsent(name, position);
    if (first != null) {
      problems.add(problem(position, path.toString(), "duplicate key \"" + name + "\" (first defined at line " + first.line() + ", column " + first.column() + ")"));
      parent.pendingKey = name;
      parent.discardNext = true;
      return;
    }
    locations.key(path, position);
    parent.pendingKey = name;
  }

  private void alias(AliasEvent event) {
    Position position = at(event.getStartMark());
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      fail(problem(position, parent.path.toString(), "an alias cannot be used as a mapping key"));
      return;
    }
    FieldPath path = nextPath(parent);
    Anchored anchored = anchors.get(event.getAnchor());
    if (anchored == null) {
      fail(problem(position, path.toString(), "alias *" + event.getAnchor() + " refers to no anchor defined before it"));
      return;
    }
    if (++aliases > limits.maxAliases()) {
      fail(problem(position, path.toString(), "more than " + limits.maxAliases() + " aliases in one document"));
      return;
    }
    if (charge(anchored.weight, position)) {
      locations.value(path, position);
      place(parent, anchored.node);
    }
  }

  private void startCollection(CollectionStartEvent event, JsonNode node) {
    Position position = at(event.getStartMark());
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      fail(problem(position, parent.path.toString(), "a mapping key must be a plain string, not a " + (node.isObject() ? "mapping" : "sequence")));
      return;
    }
    if (event.getTag() != null && !isStandardCollectionTag(event.getTag())) {
      fail(problem(position, nextPath(parent).toString(), "unsupported YAML tag " + event.getTag()));
      return;
    }
    FieldPath path = nextPath(parent);
    if (path.depth() >= limits.maxDepth()) {
      fail(problem(position, path.toString(), "document is nested deeper than " + limits.maxDepth() + " levels"));
      return;
    }
    if (!charge(1, position)) {
      return;
    }
    locations.value(path, position);
    stack.push(new Frame(node, path, event.getAnchor(), nodes - 1, parent != null && parent.discardNext));
    if (parent != null) {
      parent.discardNext = false;
    }
  }

  private void endCollection() {
    Frame done = stack.pop();
    if (done.anchor != null) {
      anchors.put(done.anchor, new Anchored(done.node, nodes - done.nodesBefore));
    }
    Frame parent = stack.peek();
    if (done.discarded) {
      if (parent != null) {
        parent.pendingKey = null;
      }
      return;
    }
    place(parent, done.node);
  }

  private void place(Frame parent, JsonNode value) {
    if (parent == null) {
      root = value;
    } else if (parent.node instanceof ObjectNode object) {
      if (!parent.discardNext) {
        object.set(parent.pendingKey, value);
      }
      parent.discardNext = false;
      parent.pendingKey = null;
    } else {
      ((ArrayNode) parent.node).add(value);
    }
  }

  private void remember(NodeEvent event, JsonNode value, long weight) {
    if (event.getAnchor() != null) {
      anchors.put(event.getAnchor(), new Anchored(value, weight));
    }
  }

  private boolean charge(long weight, Position position) {
    nodes += weight;
    if (nodes > limits.maxNodes()) {
      fail(problem(position, "", "document expands to more than " + limits.maxNodes() + " nodes (aliases multiply what they refer to); refusing to read it"));
      return false;
    }
    return true;
  }

  private FieldPath nextPath(Frame parent) {
    if (parent == null) {
      return FieldPath.ROOT;
    }
    if (parent.node instanceof ObjectNode) {
      return parent.path.child(parent.pendingKey);
    }
    return parent.path.child(parent.node.size());
  }

  private static boolean isStandardCollectionTag(String tag) {
    return tag.equals("tag:yaml.org,2002:map") || tag.equals("tag:yaml.org,2002:seq") || tag.equals("!");
  }

  private Problem problem(Position position, String field, String message) {
    return new Problem(source, position, field, message);
  }

  private static Position at(Mark mark) {
    return Position.of(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private record Anchored(JsonNode node, long weight) {}

  /** A collection being built; for mappings, the key waiting for its value. */
  private static final class Frame {
    final JsonNode node;
    final FieldPath path;
    final String anchor;
    final long nodesBefore;
    final boolean discarded;
    final Map<String, Position> keys = new HashMap<>();
    String pendingKey;
    boolean discardNext;

    Frame(JsonNode node, FieldPath path, String anchor, long nodesBefore, boolean discarded) {
      this.node = node;
      this.path = path;
      this.anchor = anchor;
      this.nodesBefore = nodesBefore;
      this.discarded = discarded;
    }

    boolean expectsKey() {
      return node instanceof ObjectNode && pendingKey == null;
    }
  }
}
