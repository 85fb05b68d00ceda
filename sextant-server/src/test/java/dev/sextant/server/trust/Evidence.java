package dev.sextant.server.trust;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.document.Limits;
import dev.sextant.core.provenance.Dsse;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.signing.ResourceSigning;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * What the tests of signed resources and provenance build on: keys, resources signed with them, a
 * release carrying an SLSA provenance statement in a DSSE envelope, and the example policy.
 */
public final class Evidence {
  public static final byte[] ARTIFACT = "churn model weights".getBytes(StandardCharsets.UTF_8);
  public static final Digest ARTIFACT_DIGEST = Digest.sha256(ARTIFACT);
  public static final String BUILDER = "https://github.com/actions/runner/github-hosted";

  public static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: churn
      spec:
        owner: team-ml
      """;

  public static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: prod-eu
        labels:
          tier: prod
      spec:
        target:
          type: local
      """;

  private Evidence() {}

  public static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String id(KeyPair keys) {
    return PublicKeys.id(keys.getPublic());
  }

  public static String pem(KeyPair keys) {
    return PublicKeys.toPem(keys.getPublic());
  }

  /** The YAML signed by {@code keys}, as JSON ready to apply. */
  public static Input signed(String file, String yaml, KeyPair keys) {
    ParseReport report =
        new ResourceParser(Limits.DEFAULT, Validators.standard())
            .parse(file, yaml.getBytes(StandardCharsets.UTF_8));
    if (!report.ok()) {
      throw new IllegalArgumentException(report.problems().toString());
    }
    String json =
        ResourceSigning.sign(report.resources().get(0).document(), id(keys), keys.getPrivate())
            .toString();
    return new Input(file, json.getBytes(StandardCharsets.UTF_8));
  }

  public static Input unsigned(String file, String yaml) {
    return new Input(file, yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** A release of {@code churn} whose provenance carries this envelope. */
  public static String release(String envelopeJson) {
    return """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: churn-2-4-0
        spec:
          service: churn
          version: 2.4.0
          provenance:
            commit: 7fd1a60b01f91b314f59955a4e4d4e80d8edf11d
            attestation: %s
          variants:
            - name: cpu
              artifact:
                url: https://models.acme.example/churn-2.4.0.onnx
                sha256: %s
        """
        .formatted(envelopeJson, ARTIFACT_DIGEST.hex());
  }

  /** An envelope signed with an Ed25519 key, as Sextant signs. */
  public static String ed25519Envelope(Digest subject, KeyPair builder) {
    return Dsse.sign(Dsse.IN_TOTO, statement(subject), id(builder), builder.getPrivate()).toJson();
  }

  /** An envelope signed as DSSE's reference implementations sign with P-256: DER ECDSA. */
  public static String p256Envelope(Digest subject, KeyPair builder) {
    byte[] payload = statement(subject);
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(builder.getPrivate());
      ecdsa.update(Dsse.pae(Dsse.IN_TOTO, payload));
      Base64.Encoder base64 = Base64.getEncoder();
      return ("{\"payloadType\":\"%s\",\"payload\":\"%s\","
              + "\"signatures\":[{\"keyid\":\"%s\",\"sig\":\"%s\"}]}")
          .formatted(
              Dsse.IN_TOTO,
              base64.encodeToString(payload),
              id(builder),
              base64.encodeToString(ecdsa.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] statement(Digest subject) {
    return """
        {"_type":"https://in-toto.io/Statement/v1",
         "subject":[{"name":"churn-2.4.0.onnx","digest":{"sha256":"%s"}}],
         "predicateType":"https://slsa.dev/provenance/v1",
         "predicate":{
           "buildDefinition":{
             "buildType":"https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
             "externalParameters":{"repository":"https://github.com/acme/churn"},
             "resolvedDependencies":[{"uri":"s3://acme-datasets/churn/2026-11-30",
                                      "digest":{"sha256":"%s"}}]},
           "runDetails":{"builder":{"id":"%s"}}}}
        """
        .formatted(subject.hex(), "a".repeat(64), BUILDER)
        .getBytes(StandardCharsets.UTF_8);
  }
}
