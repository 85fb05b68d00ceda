package dev.sextant.api;

import java.util.List;

/** A list of notifications: the dead letters, or the deliveries about a rollout. */
public record NotificationDeliveries(List<NotificationDelivery> items) {}
