/**
 * A rollout's analyses measured for real: StartAnalysis runs ticks on db-scheduler until a verdict.
 */
package dev.sextant.server.rollout.analysis;
