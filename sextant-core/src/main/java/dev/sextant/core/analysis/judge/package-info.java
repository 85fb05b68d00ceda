/**
 * The canary judge as pure functions (Kayenta's NetflixACAJudge): each metric's canary samples are
 * compared with its baseline's by a Mann-Whitney U test and classified, and the classifications are
 * combined into a 0–100 score and a verdict.
 */
package dev.sextant.core.analysis.judge;
