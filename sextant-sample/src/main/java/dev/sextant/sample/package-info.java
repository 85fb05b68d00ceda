/** The sample service that rollouts move between: a good and a bad version, set by flags. */
package dev.sextant.sample;
