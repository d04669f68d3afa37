package org.opensupervision.approval;

/**
 * A filter of the staff list: department (null: every visible one), a colour of card the case holds (counted if not
 * withdrawn), only overdue cases, a status; page from 0, size at most 100.
 */
public record ApprovalCaseQuery(String departmentCode, CardColour card, Boolean overdue, CaseStatus status, int page,
                                int size) {
}
