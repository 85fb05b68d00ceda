/** GPU validators: NVIDIA's CUDA driver table, compute capability, GPU count and memory fit. */
package dev.sextant.core.compat.gpu;
