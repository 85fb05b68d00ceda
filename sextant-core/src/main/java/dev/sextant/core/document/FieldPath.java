package dev.sextant.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path to a field inside a document, made of names and array indexes. It renders the way people
 * read it ({@code spec.variants[0].artifact}, {@code spec.facts["gpu.driver.version"]}) and as a
 * JSON Pointer ({@code /spec/variants/0/artifact}) for lookups.
 */
public final class FieldPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  public static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Object> elements;

  private FieldPath(List<Object> elements) {
    this.elements = elements;
  }

  public static FieldPath of(List<?> elements) {
    List<Object> copy = new ArrayList<>();
    for (Object e : elements) {
      if (!(e instanceof String) && !(e instanceof Integer)) {
        throw new IllegalArgumentException("a path element is a name or an index: " + e);
      }
      copy.add(e);
    }
    return new FieldPath(List.copyOf(copy));
  }

  /**
   * Reads a path back from its rendering ({@code spec.steps[1].pause}, {@code
   * spec.facts["os.id"]}). Text that is not a path gives the longest prefix that is, so a lookup
   * still finds a nearby line.
   */
  public static FieldPath parse(String text) {
    List<Object> elements = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        int end = text.indexOf("\"]", i + 2);
        if (end < 0) {
          break;
        }
        elements.add(text.substring(i + 2, end).replace("\\\"", "\""));
        i = end + 2;
      } else if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0) {
          break;
        }
        try {
          elements.add(Integer.parseInt(text.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          break;
        }
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        elements.add(text.substring(i, end));
        i = end;
      }
    }
    return new FieldPath(List.copyOf(elements));
  }

  public FieldPath child(String name) {
    List<Object> next = new ArrayList<>(elements);
    next.add(name);
    return new FieldPath(List.copyOf(next));
  }

  public FieldPath child(int index) {
    List<Object> next = new ArrayList<>(elements);
    next.add(index);
    return new FieldPath(List.copyOf(next));
  }

  public FieldPath parent() {
    return elements.isEmpty() ? this : new FieldPath(elements.subList(0, elements.size() - 1));
  }

  public boolean isRoot() {
    return elements.isEmpty();
  }

  public int depth() {
    return elements.size();
  }

  public String pointer() {
    StringBuilder out = new StringBuilder();
    for (Object e : elements) {
      out.append('/').append(e.toString().replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object e : elements) {
      if (e instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else if (PLAIN.matcher((String) e).matches()) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(e);
      } else {
        out.append("[\"").append(((String) e).replace("\"", "\\\"")).append("\"]");
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath p && p.elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
