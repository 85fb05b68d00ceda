package dev.sextant.cli.command;

import dev.sextant.cli.Main;

/** Who is running the command, for the history of what they apply. */
final class Authors {
  private Authors() {}

  static String current(Main.Context context) {
    String user = context.env().get("USER");
    return user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown");
  }
}
