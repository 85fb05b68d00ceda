/** Notifications: one message per rollout transition, sent to each Notifier that selects it. */
package dev.sextant.server.notify;
