package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.provenance.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant keys generate}: a new Ed25519 key pair in two files. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new Ed25519 key pair and print its id.",
      "",
      "--out PREFIX writes PREFIX.key (the private key, PEM PKCS#8, mode 600) and PREFIX.pub",
      "(the public key, PEM); --out DIR, an existing directory, writes DIR/signing.key and",
      "DIR/signing.pub. An existing file is never overwritten. Give the .pub file to",
      "'sextant keys trust' and keep the .key file to 'sextant sign' with.",
      "",
      "Exit codes: 0 written; 1 cannot write; 6 a file exists."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant keys generate --out release-signing",
      "  sextant keys generate --out ~/.sextant/keys"
    })
public final class KeysGenerateCommand implements Callable<Integer> {
  @ParentCommand KeysCommand keys;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR|PREFIX",
      description = "Where to write: PREFIX.key and PREFIX.pub, or DIR/signing.key and .pub.")
  Path out;

  @Override
  public Integer call() {
    Path prefix = Files.isDirectory(out) ? out.resolve("signing") : out;
    KeyPair pair = SigningKeys.generate(new SecureRandom());
    KeyFiles.write(prefix, pair);
    var context = keys.root.context();
    context.out().println(PublicKeys.id(pair.getPublic()));
    context
        .err()
        .println(
            "wrote "
                + KeyFiles.sibling(prefix, KeyFiles.PRIVATE_SUFFIX)
                + " (keep it private) and "
                + KeyFiles.sibling(prefix, KeyFiles.PUBLIC_SUFFIX));
    return ExitCode.OK;
  }
}
