package dev.sextant.core.resource;

import dev.sextant.core.resource.LabelRequirement.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A recursive-descent parser for label selectors, one token of look-ahead. Whitespace may appear
 * between any two tokens; keys and values run until whitespace or one of {@code ( ) , ! =}.
 */
final class LabelSelectorParser {
  private enum Type {
    IDENTIFIER,
    IN,
    NOT_IN,
    BANG,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  private record Token(Type type, String text, int position) {
    String describe() {
      return type == Type.END ? "the end of the selector" : "'" + text + "'";
    }
  }

  private final String text;
  private final List<Token> tokens;
  private int next;

  LabelSelectorParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  LabelSelector parse() {
    List<LabelRequirement> requirements = new ArrayList<>();
    if (peek().type() == Type.END) {
      return LabelSelector.EVERYTHING;
    }
    while (true) {
      requirements.add(requirement());
      Token after = take();
      if (after.type() == Type.END) {
        return new LabelSelector(requirements);
      }
      if (after.type() != Type.COMMA) {
        throw error(after, "expected ',' or the end of the selector after a requirement");
      }
    }
  }

  private LabelRequirement requirement() {
    Token first = take();
    if (first.type() == Type.BANG) {
      return new LabelRequirement(
          key(take(), "after '!'"), Operator.DOES_NOT_EXIST, new TreeSet<>());
    }
    String key = key(first, "at the start of a requirement");
    Token operator = peek();
    switch (operator.type()) {
      case COMMA, END:
        return new LabelRequirement(key, Operator.EXISTS, new TreeSet<>());
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS:
        take();
        Operator op = operator.type() == Type.NOT_EQUALS ? Operator.NOT_EQUALS : Operator.EQUALS;
        return LabelRequirement.of(key, op, exactValue(operator));
      case IN, NOT_IN:
        take();
        Operator set = operator.type() == Type.IN ? Operator.IN : Operator.NOT_IN;
        return new LabelRequirement(key, set, valueSet(operator));
      default:
        throw error(
            operator,
            "expected '=', '==', '!=', 'in', 'notin', ',' or the end of the selector after label"
                + " key '"
                + key
                + "'");
    }
  }

  private String key(Token token, String where) {
    if (token.type() != Type.IDENTIFIER) {
      throw error(token, "expected a label key " + where);
    }
    Optional<String> problem = LabelSyntax.keyProblem(token.text());
    if (problem.isPresent()) {
      throw error(token, problem.get());
    }
    return token.text();
  }

  /** {@code k=} with nothing after it selects the empty value, as in Kubernetes. */
  private String exactValue(Token operator) {
    Token token = peek();
    if (token.type() == Type.COMMA || token.type() == Type.END) {
      return "";
    }
    return value(take(), "after '" + operator.text() + "'");
  }

  private TreeSet<String> valueSet(Token operator) {
    Token open = take();
    if (open.type() != Type.OPEN) {
      throw error(open, "expected '(' after '" + operator.text() + "'");
    }
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      values.add(value(take(), "in the set after '" + operator.text() + "'"));
      Token separator = take();
      if (separator.type() == Type.CLOSE) {
        return values;
      }
      if (separator.type() != Type.COMMA) {
        throw error(separator, "expected ',' or ')' in the set after '" + operator.text() + "'");
      }
    }
  }

  private String value(Token token, String where) {
    if (token.type() != Type.IDENTIFIER) {
      throw error(token, "expected a label value " + where);
    }
    Optional<String> problem = LabelSyntax.valueProblem(token.text());
    if (problem.isPresent()) {
      throw error(token, problem.get());
    }
    return token.text();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.type() != Type.END) {
      next++;
    }
    return token;
  }

  private InvalidSelectorException error(Token token, String problem) {
    return new InvalidSelectorException(
        text, token.position(), problem + ", found " + token.describe());
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == '=';
      Token token =
          switch (c) {
            case '(' -> new Token(Type.OPEN, "(", i);
            case ')' -> new Token(Type.CLOSE, ")", i);
            case ',' -> new Token(Type.COMMA, ",", i);
            case '!' ->
                doubled ? new Token(Type.NOT_EQUALS, "!=", i) : new Token(Type.BANG, "!", i);
            case '=' ->
                doubled ? new Token(Type.DOUBLE_EQUALS, "==", i) : new Token(Type.EQUALS, "=", i);
            default -> word(text, i);
          };
      tokens.add(token);
      i += token.text().length();
    }
    tokens.add(new Token(Type.END, "", text.length()));
    return tokens;
  }

  private static Token word(String text, int start) {
    int end = start;
    while (end < text.length() && !endsWord(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end);
    Type type =
        switch (word) {
          case "in" -> Type.IN;
          case "notin" -> Type.NOT_IN;
          default -> Type.IDENTIFIER;
        };
    return new Token(type, word, start);
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || "(),!=".indexOf(c) >= 0;
  }
}
