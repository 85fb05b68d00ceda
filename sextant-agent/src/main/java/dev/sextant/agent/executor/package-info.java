/** The host executor: runs tier 2's deep checks on the machine Sextant itself runs on. */
package dev.sextant.agent.executor;
