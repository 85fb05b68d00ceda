package dev.sextant.core.validation;

import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Role;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import java.util.List;

/**
 * Who a Policy or an approval step names as approvers: a user name or {@code role:NAME} of one of
 * the four roles. A misspelt role would match nobody and hold plans that no one can approve, so it
 * is refused when read.
 */
final class ApproverChecks {
  private static final String ROLE = "role:";
  private static final List<String> ROLES = Role.labels().stream().map(r -> ROLE + r).toList();

  private ApproverChecks() {}

  static void check(
      SourceDocument document, FieldPath list, List<String> approvers, List<Problem> problems) {
    for (int i = 0; i < approvers.size(); i++) {
      String entry = approvers.get(i);
      if (!valid(entry)) {
        FieldPath field = list.child(i);
        problems.add(
            new Problem(
                document.source(),
                document.locations().valueOf(field),
                field.toString(),
                "expected a user name or role:"
                    + String.join("|", Role.labels())
                    + ", found \""
                    + entry.replaceAll("\\p{Cntrl}", "?")
                    + "\""
                    + DidYouMean.hint(entry, ROLES)));
      }
    }
  }

  private static boolean valid(String entry) {
    if (entry.startsWith(ROLE)) {
      return ROLES.contains(entry);
    }
    try {
      Identity.requireName(entry);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
