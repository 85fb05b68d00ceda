package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quick start's main job, run through the real command. */
class DemoCommandTest {
  @TempDir Path home;

  @Test
  void the_demo_tells_the_whole_story_and_exits_0() {
    Cli.Result result =
        Cli.withHome(home)
            // where the sample service's jar was built
            .withEnv("SEXTANT_ROOT", Path.of("..").toAbsolutePath().normalize().toString())
            .run("demo", "--examples", ValidateCommandTest.EXAMPLES.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("25 resources in 25 files are valid")
        .contains("25 created")
        .contains("25 unchanged")
        .contains("1 configured")
        .contains("same document as the file: yes")
        .contains("Environment/prod-eu (revision")
        .contains("9. Fingerprint this host", "recorded: dev fingerprint revision 1")
        .contains("gpu.driver.version   550.54.15 -> 555.42.06 (platform layer)")
        .contains("new deployments are blocked")
        .contains("11. Plan the example releases on the example fingerprints")
        .containsPattern("fraud-detector 1\\.4\\.0 +h100 +compatible +gpu")
        .containsPattern("fraud-detector 1\\.4\\.0 +t4 +compatible +cpu +fallback to variant cpu")
        .containsPattern("fraud-detector 1\\.4\\.0 +graviton-arm +incompatible")
        .contains(
            "rollout order, providers first: fraud-detector 1.4.0 -> payments-api 2.4.0 -> checkout-web 3.2.0")
        .containsPattern("plan digest [0-9a-f]+, then [0-9a-f]+: identical yes")
        .containsPattern("fraud-detector 1\\.4\\.0 +prod-eu +blocked")
        .containsPattern(
            "payments-api 2\\.4\\.0 +prod-us +needs-approval +default +policy prod-signed-releases"
                + " needs an approval by role:approver")
        .containsPattern(
            "checkout-web 3\\.2\\.0 +prod-us +denied +- +denied by policy licence-allow-list:"
                + " release checkout-web-3-2-0 has no licence label")
        .contains("14. Plan fraud-detector on this host")
        .containsPattern(
            "fraud-detector-1-4-0 +h100 +fell-back +gpu -> cpu: .*CUDA 12.4 needs driver ≥ 550.54.14")
        .contains("breaks checkout-web 3.2.0 needs payments-api ^2.1.0")
        .contains("17. Four eyes")
        .containsPattern("alice: plan plan-1 of checkout-web-3-2-0 to prod-us: denied, refused")
        .containsPattern(
            "alice: plan plan-2 of payments-api-2-4-0 to prod-us: needs-approval, awaiting-approval")
        .contains(
            "alice approves plan-2: refused: server refused the request (403): you asked for this"
                + " plan; another person must approve it")
        .containsPattern("bob approves plan-2 \\(digest [0-9a-f]{12}…\\): approved")
        .contains("18. Find HAProxy", "19. Deploy sample 1.0.0 to dev")
        .containsPattern("succeeded in [0-9.]+ s; clients use http://127\\.0\\.0\\.1:[0-9]+")
        // Prometheus is found or installed, as HAProxy is: canaries are judged against a baseline.
        .contains("judged against a baseline of the stable version")
        .containsPattern("measured error-ratio = 0\\.00 \\(baseline 0\\.00\\): successful")
        .containsPattern("measured error-ratio = 0\\.[1-4][0-9]* \\(baseline 0\\.00\\)")
        .containsPattern("failed in [0-9.]+ s: .*failed by critical error-ratio high")
        .contains("judge: v2 score 100, pass; v3 score 0, fail")
        .containsPattern(
            "notifications: [0-9]+ to the demo's webhook, one per transition \\(0 repeated\\);"
                + " v3's: \\[progressing, analyzing, failed]")
        .containsPattern(
            "DORA \\(dev, sample, last 30 days\\): 2 deployments, change failure" + " rate 33%")
        .containsPattern("replay: same plan digest sha256:[0-9a-f]{64} \\(plan-[0-9]+ of ro-")
        .containsPattern(
            "evidence: ro-[0-9a-f]+'s bundle, [0-9]+ entries proved against a signed head of"
                + " [0-9]+, verified offline with the ledger's public key alone")
        .containsPattern("in the 2 s after its rollback [1-9][0-9]* requests, 0 errors")
        .contains("serving now: sample-2-0-0@1/jar");
    assertThat(home).isEmptyDirectory();
  }
}
