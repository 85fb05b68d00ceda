/** Four eyes (DESIGN §7, Trust): who may approve a held plan, and whether its approvals suffice. */
package dev.sextant.core.approval;
