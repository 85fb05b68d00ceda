package dev.sextant.core.compat.parameter;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.util.ArrayList;
import java.util.List;

/** A parsed parameter expression: evaluated against facts, and shown with the facts' values. */
sealed interface Term {

  Amount evaluate(Fingerprint fingerprint) throws Unresolvable;

  /** The term with every fact replaced by its value; only called once it evaluated. */
  String show(Fingerprint fingerprint);

  /** {@code 2}, {@code 0.5}, {@code 2Gi} or {@code 8 GB}, shown as written. */
  record Literal(Amount amount, String written) implements Term {
    public Amount evaluate(Fingerprint fingerprint) {
      return amount;
    }

    public String show(Fingerprint fingerprint) {
      return written;
    }
  }

  /** A fact by its key: a quantity gives bytes, a number a number, anything else is a problem. */
  record FactReference(String key) implements Term {
    public Amount evaluate(Fingerprint fingerprint) throws Unresolvable {
      Fact fact =
          fingerprint.fact(key).orElseThrow(() -> new Unresolvable("fact " + key + " is absent"));
      if (fact instanceof Fact.Quantity q && q.unit().equals("bytes")) {
        return Amount.ofBytes(q.amount());
      }
      if (fact instanceof Fact.Number n) {
        return Amount.number(n.value());
      }
      throw new Unresolvable(
          "fact "
              + key
              + " is "
              + fact.type()
              + " "
              + fact.display()
              + ", not a number or an amount of bytes");
    }

    public String show(Fingerprint fingerprint) {
      try {
        return evaluate(fingerprint).show();
      } catch (Unresolvable e) {
        throw new IllegalStateException("shown before it was evaluated: " + key, e);
      }
    }
  }

  /** {@code left op right}, with the operator's column for messages. */
  record Operation(char operator, Term left, Term right, int column) implements Term {
    public Amount evaluate(Fingerprint fingerprint) throws Unresolvable {
      Amount a = left.evaluate(fingerprint);
      Amount b = right.evaluate(fingerprint);
      return switch (operator) {
        case '+' -> a.plus(b, column);
        case '-' -> a.minus(b, column);
        case '*' -> a.times(b, column);
        default -> a.dividedBy(b, column);
      };
    }

    public String show(Fingerprint fingerprint) {
      return left.show(fingerprint) + " " + operator + " " + right.show(fingerprint);
    }
  }

  record Negation(Term operand) implements Term {
    public Amount evaluate(Fingerprint fingerprint) throws Unresolvable {
      return operand.evaluate(fingerprint).negated();
    }

    public String show(Fingerprint fingerprint) {
      return "-" + operand.show(fingerprint);
    }
  }

  /** Parentheses, kept so that the derivation reads as the expression was written. */
  record Group(Term inner) implements Term {
    public Amount evaluate(Fingerprint fingerprint) throws Unresolvable {
      return inner.evaluate(fingerprint);
    }

    public String show(Fingerprint fingerprint) {
      return "(" + inner.show(fingerprint) + ")";
    }
  }

  /** {@code min(a, b)}, {@code max(a, b)} or {@code floor(x)}; the parser checks the arity. */
  record Call(String function, List<Term> arguments, int column) implements Term {
    public Call {
      arguments = List.copyOf(arguments);
    }

    public Amount evaluate(Fingerprint fingerprint) throws Unresolvable {
      List<Amount> values = new ArrayList<>();
      for (Term argument : arguments) {
        values.add(argument.evaluate(fingerprint));
      }
      if (function.equals("floor")) {
        return values.get(0).floor();
      }
      Amount a = values.get(0);
      Amount b = values.get(1);
      a.sameKind(b, "compare", column);
      boolean firstIsSmaller = a.value().compareTo(b.value()) <= 0;
      if (function.equals("min")) {
        return firstIsSmaller ? a : b;
      }
      return firstIsSmaller ? b : a;
    }

    public String show(Fingerprint fingerprint) {
      List<String> shown = arguments.stream().map(argument -> argument.show(fingerprint)).toList();
      return function + "(" + String.join(", ", shown) + ")";
    }
  }
}
