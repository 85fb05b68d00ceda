/**
 * The rollout as a pure state machine (DESIGN §5): (state, event) → (state, commands), by table.
 */
package dev.sextant.core.rollout;
