package dev.sextant.core.compat.parameter;

import dev.sextant.core.document.NumberBounds;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.validation.DidYouMean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a parameter expression by recursive descent:
 *
 * <pre>
 * expression = term (("+" | "-") term)*
 * term       = unary (("*" | "/") unary)*
 * unary      = "-" unary | primary
 * primary    = number [unit] | fact key | function "(" expression ("," expression)* ")"
 *            | "(" expression ")"
 * </pre>
 *
 * <p>A unit follows its number with or without a space ({@code 2Gi}, {@code 8 GB}) and is read by
 * {@link Quantities}. A fact key is written as in a fingerprint ({@code gpu[0].memory}); keys with
 * {@code -} or {@code +} (package names) cannot appear, since those are operators here, and
 * packages are versions, not amounts. Functions: {@code min(a, b)}, {@code max(a, b)}, {@code
 * floor(x)}.
 *
 * <p>An expression is bounded: at most {@value #MAX_DEPTH} levels of parentheses, function calls
 * and minus signs inside one another, and at most {@value #MAX_TERMS} numbers and fact keys, so
 * that neither reading nor evaluating it can exhaust the stack. Real expressions use a handful.
 */
final class ExpressionParser {
  private static final Map<String, Integer> ARITY = Map.of("min", 2, "max", 2, "floor", 1);
  private static final Pattern KEY =
      Pattern.compile("[a-z][a-z0-9_]*(\\[[0-9]+\\])?(\\.[A-Za-z0-9_]+(\\[[0-9]+\\])?)*");

  static final int MAX_DEPTH = 64;
  static final int MAX_TERMS = 256;

  private final String text;
  private int position;
  private int depth;
  private int terms;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /**
   * The expression's term.
   *
   * @throws SyntaxError naming the column (counted from 1) and what was expected there
   */
  static Term parse(String text) throws SyntaxError {
    ExpressionParser parser = new ExpressionParser(text);
    Term term = parser.expression();
    parser.skipSpaces();
    if (parser.position < text.length()) {
      throw parser.error(
          "unexpected \""
              + text.charAt(parser.position)
              + "\"; expected an operator + - * / or the end");
    }
    return term;
  }

  private Term expression() throws SyntaxError {
    Term term = term();
    while (peek() == '+' || peek() == '-') {
      int column = column();
      char operator = text.charAt(position++);
      term = new Term.Operation(operator, term, term(), column);
    }
    return term;
  }

  private Term term() throws SyntaxError {
    Term term = unary();
    while (peek() == '*' || peek() == '/') {
      int column = column();
      char operator = text.charAt(position++);
      term = new Term.Operation(operator, term, unary(), column);
    }
    return term;
  }

  private Term unary() throws SyntaxError {
    if (peek() == '-') {
      enter();
      position++;
      Term operand = unary();
      depth--;
      return new Term.Negation(operand);
    }
    return primary();
  }

  private Term primary() throws SyntaxError {
    char c = peek();
    if (c == '(') {
      enter();
      position++;
      Term inner = expression();
      expect(')');
      depth--;
      return new Term.Group(inner);
    }
    if (isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c)) {
      return name();
    }
    if (c == 0) {
      throw error(
          "the expression ends too soon; expected a number, a fact key, a function or \"(\"");
    }
    throw error("unexpected \"" + c + "\"; expected a number, a fact key, a function or \"(\"");
  }

  private Term number() throws SyntaxError {
    count();
    int start = position;
    while (position < text.length()
        && (isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    String digits = text.substring(start, position);
    int unitEnd = unitEnd();
    if (unitEnd < 0) {
      Optional<String> tooLarge = NumberBounds.problem(digits);
      if (tooLarge.isPresent()) {
        throw new SyntaxError(start + 1, tooLarge.get());
      }
      try {
        return new Term.Literal(Amount.number(new BigDecimal(digits)), digits);
      } catch (NumberFormatException e) {
        throw new SyntaxError(start + 1, "\"" + digits + "\" is not a number");
      }
    }
    String written = text.substring(start, unitEnd);
    position = unitEnd;
    try {
      return new Term.Literal(Amount.ofBytes(Quantities.parse(written)), written);
    } catch (IllegalArgumentException e) {
      throw new SyntaxError(start + 1, e.getMessage());
    }
  }

  /**
   * Where a unit after a number ends, or -1 when there is none: letters right after the number, or
   * after spaces, as long as they are not the start of a fact key or function.
   */
  private int unitEnd() {
    int i = position;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    int letters = i;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++;
    }
    if (i == letters) {
      return -1;
    }
    boolean nameGoesOn = i < text.length() && "_.[(0123456789".indexOf(text.charAt(i)) >= 0;
    return nameGoesOn ? -1 : i;
  }

  private Term name() throws SyntaxError {
    int start = position;
    while (position < text.length() && isNameChar(text.charAt(position))) {
      position++;
    }
    String name = text.substring(start, position);
    if (peek() == '(') {
      return call(name, start + 1);
    }
    count();
    if (!KEY.matcher(name).matches()) {
      throw new SyntaxError(
          start + 1,
          "\""
              + name
              + "\" is not a fact key; expected one such as gpu[0].memory, memory.total or cpu.cores");
    }
    return new Term.FactReference(name);
  }

  private Term call(String function, int column) throws SyntaxError {
    Integer arity = ARITY.get(function);
    if (arity == null) {
      throw new SyntaxError(
          column,
          "unknown function \""
              + function
              + "\"; expected one of floor, max, min"
              + DidYouMean.hint(function, ARITY.keySet()));
    }
    enter();
    expect('(');
    List<Term> arguments = new ArrayList<>();
    arguments.add(expression());
    while (peek() == ',') {
      position++;
      arguments.add(expression());
    }
    if (arguments.size() != arity) {
      throw new SyntaxError(
          column,
          function
              + " takes "
              + arity
              + (arity == 1 ? " argument" : " arguments")
              + ", not "
              + arguments.size());
    }
    expect(')');
    depth--;
    return new Term.Call(function, arguments, column);
  }

  private void expect(char wanted) throws SyntaxError {
    if (peek() != wanted) {
      throw error(
          position >= text.length()
              ? "the expression ends too soon; expected \"" + wanted + "\""
              : "unexpected \"" + text.charAt(position) + "\"; expected \"" + wanted + "\"");
    }
    position++;
  }

  /** One level deeper: into parentheses, a function's arguments or a minus sign's operand. */
  private void enter() throws SyntaxError {
    if (++depth > MAX_DEPTH) {
      throw error(
          "the expression nests parentheses, function calls and minus signs more than "
              + MAX_DEPTH
              + " levels deep; expected at most "
              + MAX_DEPTH);
    }
  }

  /** One more number or fact key. */
  private void count() throws SyntaxError {
    if (++terms > MAX_TERMS) {
      throw error(
          "the expression has more than "
              + MAX_TERMS
              + " numbers and fact keys; expected at most "
              + MAX_TERMS);
    }
  }

  /** The next character that is not a space, or 0 at the end. */
  private char peek() {
    skipSpaces();
    return position < text.length() ? text.charAt(position) : 0;
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private int column() {
    return position + 1;
  }

  private SyntaxError error(String message) {
    return new SyntaxError(column(), message);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']';
  }

  /** An expression that cannot be read, with the column (from 1) where reading stopped. */
  static final class SyntaxError extends Exception {
    private final int column;

    SyntaxError(int column, String message) {
      super(message, null, false, false);
      this.column = column;
    }

    int column() {
      return column;
    }
  }
}
