package dev.sextant.agent.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuProductTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "NVIDIA-H100-80GB-HBM3, NVIDIA-H100-80GB-HBM3, '', false",
    "Tesla-T4-SHARED, Tesla-T4, '', true",
    "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb, NVIDIA-A100-SXM4-40GB, 1g.5gb, false",
    "A100-SXM4-40GB-MIG-1g.5gb-SHARED, A100-SXM4-40GB, 1g.5gb, true",
    "NVIDIA-A100-SXM4-80GB-MIG-3g.40gb, NVIDIA-A100-SXM4-80GB, 3g.40gb, false",
    "NVIDIA-A100-SXM4-40GB-MIG-INVALID, NVIDIA-A100-SXM4-40GB, INVALID, false",
    "NVIDIA-RTX-4000-Ada-Generation, NVIDIA-RTX-4000-Ada-Generation, '', false",
    "MIG-, MIG-, '', false"
  })
  void the_product_label_is_taken_apart_into_model_mig_profile_and_sharing(
      String label, String model, String profile, boolean shared) {
    assertThat(GpuProduct.parse(label))
        .isEqualTo(
            new GpuProduct(
                model, profile.isEmpty() ? Optional.empty() : Optional.of(profile), shared));
  }
}
