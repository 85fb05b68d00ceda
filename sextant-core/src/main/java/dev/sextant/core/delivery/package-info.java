/**
 * DORA's delivery figures (deployment frequency, lead time for changes, change failure rate, time
 * to restore) as a pure function of finished rollouts and a window.
 */
package dev.sextant.core.delivery;
