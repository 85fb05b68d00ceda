package dev.sextant.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Validator;
import java.io.PrintWriter;
import java.util.Collection;

/**
 * The rules requirements can name, as {@code sextant plan --rules} lists them: what each checks,
 * the arguments it takes, an example and where it comes from. Everything is read from the
 * validators, so the list cannot say other than what {@code plan} accepts.
 */
public final class RulesView {
  private RulesView() {}

  public static void print(PrintWriter out, Format format, Collection<Validator> validators) {
    if (format != Format.TABLE) {
      Printer.print(out, format, json(validators));
      return;
    }
    for (Validator v : validators) {
      out.printf("%s%n  %s%n", v.rule(), v.summary());
      if (v.arguments().isEmpty()) {
        out.printf("  arguments: not described by its validator%n");
      } else {
        out.printf("  arguments:%n");
        int width = v.arguments().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (Argument a : v.arguments()) {
          out.printf(
              "    %-" + width + "s  %s, %s: %s%n",
              a.name(),
              a.type(),
              presence(a),
              a.description());
        }
      }
      v.example()
          .ifPresent(
              example ->
                  out.printf("  example:%n    - rule: %s%n      with: %s%n", v.rule(), example));
      out.printf("  source: %s%n  implementation: %s%n", v.source(), v.getClass().getName());
    }
  }

  private static String presence(Argument argument) {
    return argument.required()
        ? "required"
        : argument.otherwise().map(d -> "default " + d).orElse("optional");
  }

  private static ArrayNode json(Collection<Validator> validators) {
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    for (Validator v : validators) {
      ObjectNode rule = rules.addObject().put("rule", v.rule()).put("summary", v.summary());
      ArrayNode arguments = rule.putArray("arguments");
      for (Argument a : v.arguments()) {
        arguments
            .addObject()
            .put("name", a.name())
            .put("type", a.type())
            .put("required", a.required())
            .put("default", a.otherwise().orElse(null))
            .put("description", a.description());
      }
      rule.put("example", v.example().orElse(null))
          .put("source", v.source())
          .put("implementation", v.getClass().getName());
    }
    return rules;
  }
}
