package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.provenance.PublicKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant keys trust}: adds a public key to the server's trust store. */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "Trust a public key: from now on, signatures by it count in policies.",
      "",
      "FILE is a PEM public key, Ed25519 or ECDSA P-256 (a .pub file of 'sextant keys",
      "generate', or 'openssl pkey -pubout'). Trusting a trusted key again changes nothing;",
      "a revoked key is never trusted again. Needs admin on every environment.",
      "",
      "Exit codes: 0 trusted; 1 not a usable public key; 6 the key was revoked; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant keys trust release-signing.pub --name \"release managers\"",
      "  sextant keys trust ci-builder.pub --name \"CI provenance (P-256)\""
    })
public final class KeysTrustCommand implements Callable<Integer> {
  @ParentCommand KeysCommand keys;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "FILE", description = "The PEM public key.")
  Path file;

  @Option(names = "--name", paramLabel = "TEXT", description = "Whose key it is, for people.")
  String name;

  @Override
  public Integer call() {
    var context = keys.root.context();
    String pem = PublicKeys.toPem(KeyFiles.readPublic(file, "FILE"));
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("publicKey", pem);
    if (name != null) {
      body.put("name", name);
    }
    try (Backend store = backend.open(context)) {
      JsonNode key = ApiCalls.post(store, "api/v1/keys", body);
      if (output.format() == Format.TABLE) {
        context
            .out()
            .println("trusted " + key.path("id").asText() + " (" + key.path("name").asText() + ")");
      } else {
        Printer.print(context.out(), output.format(), key);
      }
    }
    return ExitCode.OK;
  }
}
