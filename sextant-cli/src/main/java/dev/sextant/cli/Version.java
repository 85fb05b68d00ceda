package dev.sextant.cli;

import picocli.CommandLine.IVersionProvider;

/** The version as Maven stamped it into the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"sextant " + (version == null ? "development build" : version)};
  }
}
