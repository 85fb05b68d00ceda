/**
 * The service dependency graph (DESIGN §4): which release needs which API range, the rollout order
 * that puts providers before their consumers, and the consumers a new API version would break.
 */
package dev.sextant.core.graph;
