/**
 * The durable rollout engine (DESIGN §5): each event a rollout takes is committed, by
 * compare-and-set on its version and with its commands, before the commands are carried out.
 */
package dev.sextant.server.rollout;
