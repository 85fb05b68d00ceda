package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.Limits;
import dev.sextant.core.document.ReadResult;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.signing.DetachedSignature;
import dev.sextant.core.signing.ResourceSigning;
import dev.sextant.core.signing.SignatureCheck;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant sign}: Ed25519 signatures over resources and files, and their check. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign resources, or any JSON or YAML file, with an Ed25519 key; or check a signature.",
      "",
      "What is signed is the RFC 8785 canonical JSON of each document, so the signature",
      "survives reformatting and no value can change under it. By default every resource",
      "in FILE is signed in place: the signature goes into metadata.signature (keyId,",
      "algorithm ed25519, value), over the resource without that field, and the signed",
      "resources are written as YAML to -o OUT or stdout, ready to apply. A policy can then",
      "require it (signatures.release.verified, against the keys 'sextant keys trust' adds).",
      "",
      "--detached signs one JSON or YAML document of any kind (a fingerprint file, say) and",
      "writes FILE.sig (or -o OUT): keyId, algorithm, the sha256 digest of the canonical",
      "bytes, and the signature.",
      "",
      "--verify checks instead, with --key a PEM public key: the detached signature in",
      "--signature (FILE.sig when it exists), else each resource's embedded signature.",
      "",
      "Exit codes: 0 signed, or the signatures verify; 1 unreadable input or key; 3 a",
      "signature does not verify; 6 OUT exists."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant sign release.yaml --key release-signing.key -o release.signed.yaml",
      "  sextant sign --verify release.signed.yaml --key release-signing.pub",
      "  sextant sign fingerprints/h100.yaml --key release-signing.key --detached",
      "  sextant sign --verify fingerprints/h100.yaml --key release-signing.pub"
    })
public final class SignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand SextantCommand root;

  @Parameters(paramLabel = "FILE", description = "The resource file, or any JSON/YAML file.")
  Path file;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "The private key to sign with (PEM PKCS#8); with --verify, the public key.")
  Path key;

  @Option(names = "--detached", description = "Write FILE.sig instead of signing in place.")
  boolean detached;

  @Option(names = "--verify", description = "Check the signature instead of signing.")
  boolean verify;

  @Option(
      names = "--signature",
      paramLabel = "SIG",
      description = "With --verify: the detached signature (default: FILE.sig when it exists).")
  Path signature;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "OUT",
      description = "Where to write the signed resources or the signature (never replaced).")
  Path out;

  @Override
  public Integer call() {
    if (verify) {
      if (detached || out != null) {
        throw CliException.invalid("--verify checks a signature: it takes no --detached or -o");
      }
      return verify();
    }
    if (signature != null) {
      throw CliException.invalid("--signature names the signature to check: give --verify too");
    }
    KeyPair pair = KeyFiles.readPrivate(key, "--key");
    String keyId = PublicKeys.id(pair.getPublic());
    if (detached) {
      DetachedSignature signed = DetachedSignature.sign(document(), keyId, pair.getPrivate());
      Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".sig");
      write(target, Printer.render(Format.JSON, signed.toJson()));
      root.context().err().println("signed with key " + keyId + ": wrote " + target);
      return ExitCode.OK;
    }
    StringBuilder yaml = new StringBuilder();
    for (Resource resource : resources()) {
      if (!yaml.isEmpty()) {
        yaml.append("---\n");
      }
      ObjectNode signed = ResourceSigning.sign(resource.document(), keyId, pair.getPrivate());
      yaml.append(Printer.render(Format.YAML, signed));
    }
    if (out == null) {
      root.context().out().print(yaml);
      root.context().out().flush();
    } else {
      write(out, yaml.toString());
      root.context().err().println("signed with key " + keyId + ": wrote " + out);
    }
    return ExitCode.OK;
  }

  private int verify() {
    PublicKey publicKey = KeyFiles.readPublic(key, "--key");
    Path sig = signature;
    if (sig == null) {
      Path beside = file.resolveSibling(file.getFileName() + ".sig");
      sig = Files.exists(beside) ? beside : null;
    }
    List<SignatureCheck> checks = new ArrayList<>();
    if (sig != null) {
      DetachedSignature detachedSignature;
      try {
        detachedSignature = DetachedSignature.read(JSON.readTree(read(sig, "--signature")));
      } catch (IOException | IllegalArgumentException e) {
        throw CliException.invalid("--signature " + sig + ": " + e.getMessage());
      }
      checks.add(detachedSignature.verify(document(), file.toString(), publicKey));
    } else {
      TrustedKeys trusted = TrustedKeys.none().trust(publicKey);
      for (Resource resource : resources()) {
        String what =
            resource.kind().displayName().toLowerCase(Locale.ROOT) + " " + resource.name();
        checks.add(ResourceSigning.verify(resource.document(), what, trusted));
      }
    }
    boolean all = true;
    for (SignatureCheck check : checks) {
      if (check.verified()) {
        root.context().out().println("verified: signed by key " + check.keyId());
      } else {
        all = false;
        root.context().out().println("not verified: " + check.reason());
      }
    }
    return all ? ExitCode.OK : ExitCode.INCOMPATIBLE;
  }

  /** Every resource in the file, validated as apply would, so that a bad file is never signed. */
  private List<Resource> resources() {
    ParseReport report =
        new ResourceParser(Limits.DEFAULT, Plugins.validators(root.context()))
            .parse(file.toString(), bytes(file, "FILE"));
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    if (report.resources().isEmpty()) {
      throw CliException.invalid(file + " holds no resource to sign");
    }
    return report.resources();
  }

  /** The file's one JSON or YAML document. */
  private JsonNode document() {
    ReadResult read = new DocumentReader(Limits.DEFAULT).read(file.toString(), bytes(file, "FILE"));
    if (!read.ok()) {
      throw new InvalidInputException(read.problems());
    }
    if (read.documents().size() != 1) {
      throw CliException.invalid(
          file
              + " holds "
              + read.documents().size()
              + " documents; a detached signature covers exactly one");
    }
    return read.documents().get(0).tree();
  }

  private static byte[] bytes(Path path, String what) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw CliException.invalid(what + " " + path + ": no such file");
    } catch (IOException e) {
      throw CliException.invalid(what + " " + path + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private static String read(Path path, String what) {
    return new String(bytes(path, what), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void write(Path target, String text) {
    try {
      Files.writeString(target, text, java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw CliException.conflict(target + " exists; give another -o");
    } catch (IOException e) {
      throw CliException.invalid("cannot write " + target + ": " + e.getMessage());
    }
  }
}
