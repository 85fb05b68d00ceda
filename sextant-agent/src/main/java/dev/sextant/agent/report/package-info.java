/** The agent's conversation with the server: registration, and signed fingerprint reports. */
package dev.sextant.agent.report;
