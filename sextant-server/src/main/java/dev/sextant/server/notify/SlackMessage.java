package dev.sextant.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A notification as a Slack incoming webhook takes it: {@code text} (what a phone's notification
 * and a client without blocks show) and {@code blocks}, a section with the same line and a context
 * with the rollout's revision, weight and reason.
 */
final class SlackMessage {
  private SlackMessage() {}

  /** The message for a notification's generic JSON ({@link Notification#json()}). */
  static ObjectNode of(JsonNode notification) {
    String text = headline(notification);
    ObjectNode message = JsonNodeFactory.instance.objectNode().put("text", text);
    ArrayNode blocks = message.putArray("blocks");
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", text);
    ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
    context
        .addObject()
        .put("type", "mrkdwn")
        .put(
            "text",
            "revision `"
                + escape(notification.path("revision").asText())
                + "` · weight "
                + notification.path("weight").asInt()
                + "% · rollout `"
                + escape(notification.path("rollout").path("id").asText())
                + "`");
    String reason = notification.path("reason").asText();
    if (!reason.isEmpty()) {
      context.addObject().put("type", "mrkdwn").put("text", escape(reason));
    }
    return message;
  }

  /** e.g. {@code [prod-cluster] checkout in prod-eu: progressing → aborted (abort by alice)}. */
  private static String headline(JsonNode n) {
    StringBuilder line = new StringBuilder();
    if (n.hasNonNull("server")) {
      line.append('[').append(escape(n.path("server").asText())).append("] ");
    }
    line.append('*')
        .append(escape(n.path("service").asText()))
        .append("* in *")
        .append(escape(n.path("environment").asText()))
        .append("*: ");
    if (n.hasNonNull("previousPhase")) {
      line.append(escape(n.path("previousPhase").asText())).append(" → ");
    }
    line.append(escape(n.path("phase").asText()));
    if (n.path("manual").asBoolean()) {
      line.append(" (").append(escape(n.path("verb").asText()));
      if (n.hasNonNull("actor")) {
        line.append(" by ").append(escape(n.path("actor").asText()));
      }
      line.append(')');
    }
    return line.toString();
  }

  /** Slack reads {@code &}, {@code <} and {@code >} as markup; a name or reason must not be. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
