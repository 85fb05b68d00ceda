package dev.sextant.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/**
 * The root's list of commands, each with the first sentence of its description, whole. Picocli
 * would show the first line of the description array, and our descriptions are wrapped by hand at
 * about 90 columns, so a summary stopped mid-sentence.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {

  @Override
  public String render(Help help) {
    Map<String, Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    int names = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    int width = help.commandSpec().usageMessage().width();
    TextTable table =
        TextTable.forColumns(
            help.colorScheme(),
            new Column(names, 2, Overflow.SPAN),
            new Column(Math.max(width - names, 20), 2, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(
        help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    for (Map.Entry<String, Help> command : commands.entrySet()) {
      table.addRowValues(
          help.colorScheme().commandText(command.getKey()),
          help.colorScheme()
              .text(summary(command.getValue().commandSpec().usageMessage().description())));
    }
    return table.toString();
  }

  /** The first sentence of the first paragraph: lines up to a blank one, joined. */
  static String summary(String[] description) {
    StringBuilder paragraph = new StringBuilder();
    for (String line : description) {
      if (line.isBlank()) {
        break;
      }
      paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
    }
    String text = paragraph.toString();
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      if (i == text.length() - 1 || text.charAt(i + 1) == ' ') {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }
}
