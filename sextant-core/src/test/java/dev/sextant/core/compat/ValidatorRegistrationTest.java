package dev.sextant.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorRegistrationTest {
  @Test
  void the_gpu_and_system_validators_are_found_through_service_loader() {
    Validators validators = Validators.standard();

    assertThat(validators.all())
        .extracting(Validator::rule)
        .contains(
            "cuda",
            "computeCapability",
            "gpuCount",
            "gpuMemory",
            "cpu",
            "os",
            "kernel",
            "libc",
            "memory",
            "disk");
  }

  @Test
  void every_validator_says_what_it_checks_and_where_the_rule_comes_from() {
    for (Validator validator : Validators.standard().all()) {
      assertThat(validator.summary()).as(validator.rule()).isNotBlank();
      assertThat(validator.source())
          .as(validator.rule())
          .containsPattern("https://|PEP|nvidia-smi");
    }
  }
}
