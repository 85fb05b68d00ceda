/**
 * The planner (DESIGN §4): for every release and environment, the variant chosen by tiers of
 * checks, why each earlier variant was rejected, the parameters derived from facts, and the order
 * of rollouts by the dependency graph; a plan has a digest, the same for the same inputs. A what-if
 * ({@link dev.sextant.core.plan.WhatIfPlan}) plans the same releases on supposed facts and compares
 * the two plans.
 */
package dev.sextant.core.plan;
