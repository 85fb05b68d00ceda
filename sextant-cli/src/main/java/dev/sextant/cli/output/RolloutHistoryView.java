package dev.sextant.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** A rollout's moves, oldest first: what happened, who asked for it, and where it left it. */
public final class RolloutHistoryView {
  private RolloutHistoryView() {}

  public static void print(PrintWriter out, JsonNode moves) {
    Table table = new Table("VERSION", "AT", "EVENT", "BY", "PHASE", "WEIGHT", "REASON");
    for (JsonNode move : moves) {
      table.row(
          move.path("version").asText(),
          move.path("at").asText(),
          move.path("event").asText(),
          // Only an operator's verb has someone behind it; the engine's own moves have none.
          move.path("by").asText("-"),
          move.path("phase").asText(),
          move.path("weight").asInt() + "%",
          move.path("reason").asText(""));
    }
    table.print(out);
    out.flush();
  }
}
