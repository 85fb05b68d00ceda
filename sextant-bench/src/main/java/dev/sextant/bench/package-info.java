/** JMH benchmarks of the planner, on generated releases and fingerprints of realistic size. */
package dev.sextant.bench;
