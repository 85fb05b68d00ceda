/** Who may do what where (DESIGN §7, Access): identities, roles, their permissions and scopes. */
package dev.sextant.core.access;
