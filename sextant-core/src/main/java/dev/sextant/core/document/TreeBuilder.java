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
 * Builds JSON trees from a stream of YAML parse events, without recursion, recording positions and
 * enforcing the limits as it goes. Aliases are expanded by sharing the anchored subtree, and their
 * expanded size is charged as if copied, which is what defeats alias bombs: against the node budget
 * (per document), the text budget (per file: keys and values may not add up to more than a file may
 * hold, so a long string repeated by aliases is refused too) and the depth limit (an alias placed
 * deep down nests its anchor's levels below it).
 */
final class TreeBuilder {
  private static final String STANDARD_TAG = "tag:yaml.org,2002:";

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
  private long chars;
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
      case MappingStart ->
          startCollection((CollectionStartEvent) event, Scalars.NODES.objectNode());
      case SequenceStart ->
          startCollection((CollectionStartEvent) event, Scalars.NODES.arrayNode());
      case MappingEnd, SequenceEnd -> endCollection();
      default -> {}
    }
  }

  private void startDocument(DocumentStartEvent event) {
    if (documentIndex >= limits.maxDocuments()) {
      fail(
          problem(
              at(event.getStartMark()),
              "",
              "file has more than "
                  + limits.maxDocuments()
                  + " documents; expected at most "
                  + limits.maxDocuments()
                  + " (split it into several files)"));
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
    if (charge(1, text.length(), path, position)) {
      remember(event, value, text.length());
      place(parent, value, 0);
    }
  }

  private JsonNode scalarValue(ScalarEvent event, FieldPath path, Position position) {
    String tag = event.getTag();
    String text = event.getValue();
    boolean plainUntagged = tag == null && event.isPlain();
    if (tag == null || plainUntagged) {
      if (plainUntagged && Scalars.isNonFinite(text)) {
        problems.add(nonFinite(position, path, text));
        return Scalars.NODES.textNode(text);
      }
      Optional<String> tooLarge =
          plainUntagged ? Scalars.outOfBounds(text, Scalars.Kind.infer(text)) : Optional.empty();
      if (tooLarge.isPresent()) {
        problems.add(
            problem(position, path.toString(), tooLarge.get() + " (quote it for a string)"));
        return Scalars.NODES.textNode(text);
      }
      return plainUntagged ? Scalars.plain(text) : Scalars.NODES.textNode(text);
    }
    Optional<Scalars.Kind> kind = Scalars.Kind.fromTag(tag);
    if (kind.isEmpty()) {
      fail(
          problem(
              position,
              path.toString(),
              unsupportedTag(tag)
                  + "; expected no tag or one of the standard tags !!str, !!int, !!float, !!bool and !!null"));
      return null;
    }
    if (kind.get() == Scalars.Kind.FLOAT && Scalars.isNonFinite(text)) {
      problems.add(nonFinite(position, path, text));
      return Scalars.NODES.textNode(text);
    }
    Optional<String> tooLarge = Scalars.outOfBounds(text, kind.get());
    if (tooLarge.isPresent()) {
      problems.add(problem(position, path.toString(), tooLarge.get()));
      return Scalars.NODES.textNode(text);
    }
    Optional<JsonNode> typed = Scalars.typed(text, kind.get());
    if (typed.isEmpty()) {
      problems.add(
          problem(
              position,
              path.toString(),
              "expected "
                  + kind.get().expected
                  + " as the tag "
                  + shortTag(tag)
                  + " says, found \""
                  + text
                  + "\""));
      return Scalars.NODES.textNode(text);
    }
    return typed.get();
  }

  private void key(Frame parent, ScalarEvent event, Position position) {
    String name = event.getValue();
    String tag = event.getTag();
    boolean mergeTag = (STANDARD_TAG + "merge").equals(tag);
    if ((event.isPlain() && tag == null && name.equals("<<")) || mergeTag) {
      fail(
          problem(
              position,
              parent.path.toString(),
              "YAML merge keys (<<) are not supported; expected plain fields (write the merged fields out)"));
      return;
    }
    if (tag != null && Scalars.Kind.fromTag(tag).filter(k -> k == Scalars.Kind.STRING).isEmpty()) {
      fail(
          problem(
              position,
              parent.path.toString(),
              unsupportedTag(tag)
                  + " on a mapping key; expected a key without a tag (keys are strings)"));
      return;
    }
    if (event.getAnchor() != null) {
      fail(
          problem(
              position,
              parent.path.toString(),
              "found an anchor &"
                  + event.getAnchor()
                  + " on a mapping key; expected anchors on values only"));
      return;
    }
    FieldPath path = parent.path.child(name);
    if (!charge(0, name.length(), path, position)) {
      return;
    }
    Position first = parent.keys.putIfAbsent(name, position);
    if (first != null) {
      problems.add(
          problem(
              position,
              path.toString(),
              "duplicate key \""
                  + name
                  + "\" (first defined at line "
                  + first.line()
                  + ", column "
                  + first.column()
                  + "); expected each key once per mapping"));
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
      fail(
          problem(
              position,
              parent.path.toString(),
              "found alias *"
                  + event.getAnchor()
                  + " as a mapping key; expected a plain string key"));
      return;
    }
    FieldPath path = nextPath(parent);
    Anchored anchored = anchors.get(event.getAnchor());
    if (anchored == null && stack.stream().anyMatch(f -> event.getAnchor().equals(f.anchor))) {
      fail(
          problem(
              position,
              path.toString(),
              "alias *"
                  + event.getAnchor()
                  + " refers to a collection that contains it; expected an alias to a finished value (a document cannot contain itself)"));
      return;
    }
    if (anchored == null) {
      fail(
          problem(
              position,
              path.toString(),
              "alias *"
                  + event.getAnchor()
                  + " refers to no anchor; expected an anchor &"
                  + event.getAnchor()
                  + " defined before it in the same document"));
      return;
    }
    if (++aliases > limits.maxAliases()) {
      fail(
          problem(
              position,
              path.toString(),
              "document has more than "
                  + limits.maxAliases()
                  + " aliases; expected at most "
                  + limits.maxAliases()));
      return;
    }
    if (path.depth() + anchored.height > limits.maxDepth()) {
      fail(
          problem(
              position,
              path.toString(),
              "document is nested deeper than the limit of "
                  + limits.maxDepth()
                  + " levels once alias *"
                  + event.getAnchor()
                  + " ("
                  + anchored.height
                  + " levels) is expanded here"));
      return;
    }
    if (charge(anchored.weight, anchored.chars, path, position)) {
      locations.value(path, position);
      place(parent, anchored.node, anchored.height);
    }
  }

  private void startCollection(CollectionStartEvent event, JsonNode node) {
    Position position = at(event.getStartMark());
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      fail(
          problem(
              position,
              parent.path.toString(),
              "expected a string as a mapping key, found a "
                  + (node.isObject() ? "mapping" : "sequence")
                  + " (complex keys are not supported)"));
      return;
    }
    String kind = node.isObject() ? "mapping" : "sequence";
    if (event.getTag() != null
        && !event.getTag().equals("!")
        && !event.getTag().equals(STANDARD_TAG + (node.isObject() ? "map" : "seq"))) {
      fail(
          problem(
              position,
              nextPath(parent).toString(),
              unsupportedTag(event.getTag())
                  + " on a "
                  + kind
                  + "; expected no tag (or !!"
                  + (node.isObject() ? "map" : "seq")
                  + ")"));
      return;
    }
    FieldPath path = nextPath(parent);
    if (path.depth() >= limits.maxDepth()) {
      fail(
          problem(
              position,
              path.toString(),
              "document is nested deeper than the limit of " + limits.maxDepth() + " levels"));
      return;
    }
    if (!charge(1, 0, path, position)) {
      return;
    }
    locations.value(path, position);
    stack.push(
        new Frame(
            node, path, event.getAnchor(), nodes - 1, chars, parent != null && parent.discardNext));
    if (parent != null) {
      parent.discardNext = false;
    }
  }

  private void endCollection() {
    Frame done = stack.pop();
    if (done.anchor != null) {
      anchors.put(
          done.anchor,
          new Anchored(done.node, nodes - done.nodesBefore, chars - done.charsBefore, done.height));
    }
    Frame parent = stack.peek();
    if (done.discarded) {
      if (parent != null) {
        parent.pendingKey = null;
      }
      return;
    }
    place(parent, done.node, done.height);
  }

  /** Puts a value in its parent; {@code height} is how many levels of collections it holds. */
  private void place(Frame parent, JsonNode value, int height) {
    if (parent != null) {
      parent.height = Math.max(parent.height, height + 1);
    }
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

  private void remember(NodeEvent event, JsonNode value, long textLength) {
    if (event.getAnchor() != null) {
      anchors.put(event.getAnchor(), new Anchored(value, 1, textLength, 0));
    }
  }

  /** Counts nodes and characters as if aliases were copies; false (and stops) past a budget. */
  private boolean charge(long weight, long length, FieldPath path, Position position) {
    nodes += weight;
    chars += length;
    if (nodes > limits.maxNodes()) {
      fail(
          problem(
              position,
              path.toString(),
              "document exceeds the node budget: expected at most "
                  + limits.maxNodes()
                  + " nodes, counting each alias as a copy of what it refers to; refusing to read it"));
      return false;
    }
    // Without aliases the text cannot outgrow the file, so only aliases can trip this.
    if (chars > limits.maxBytes()) {
      fail(
          problem(
              position,
              path.toString(),
              "file exceeds the text budget: expected at most "
                  + limits.maxBytes()
                  + " characters of keys and values, counting each alias as a copy of what it refers to; refusing to read it"));
      return false;
    }
    return true;
  }

  private Problem nonFinite(Position position, FieldPath path, String text) {
    return problem(
        position,
        path.toString(),
        "expected a finite number, found \""
            + text
            + "\"; JSON has no infinity or NaN (quote it for a string)");
  }

  /** "unsupported YAML tag !!python/object", with the tag as it was written. */
  private static String unsupportedTag(String tag) {
    return "unsupported YAML tag " + shortTag(tag);
  }

  private static String shortTag(String tag) {
    return tag.startsWith(STANDARD_TAG) ? "!!" + tag.substring(STANDARD_TAG.length()) : tag;
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

  private Problem problem(Position position, String field, String message) {
    return new Problem(source, position, field, message);
  }

  private static Position at(Mark mark) {
    return Position.of(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** An anchored value and what one more copy of it costs: nodes, characters, nesting levels. */
  private record Anchored(JsonNode node, long weight, long chars, int height) {}

  /** A collection being built; for mappings, the key waiting for its value. */
  private static final class Frame {
    final JsonNode node;
    final FieldPath path;
    final String anchor;
    final long nodesBefore;
    final long charsBefore;
    final boolean discarded;
    final Map<String, Position> keys = new HashMap<>();
    String pendingKey;
    boolean discardNext;
    int height = 1;

    Frame(
        JsonNode node,
        FieldPath path,
        String anchor,
        long nodesBefore,
        long charsBefore,
        boolean discarded) {
      this.node = node;
      this.path = path;
      this.anchor = anchor;
      this.nodesBefore = nodesBefore;
      this.charsBefore = charsBefore;
      this.discarded = discarded;
    }

    boolean expectsKey() {
      return node instanceof ObjectNode && pendingKey == null;
    }
  }
}
