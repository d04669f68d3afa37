package org.opensupervision.approval.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the staff navigation ({@code templates/fragments.html}) links of approval supervision: the live view and the
 * case list for whoever may read some department's cases (the offices, a department's handlers), not for logins who
 * would only meet a 404 there (discipline inspection).
 */
@Component("approvalNavigation")
public class ApprovalNavigation {

    private final ApprovalAccess access;

    ApprovalNavigation(ApprovalAccess access) {
        this.access = access;
    }

    /** Whether the login may read the cases of at least one department. */
    public boolean showsCases(Authentication login) {
        var readable = access.readable(login);
        return readable == null || !readable.isEmpty();
    }
}
