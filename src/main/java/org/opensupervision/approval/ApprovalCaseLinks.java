package org.opensupervision.approval;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.opensupervision.access.StaffScope;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ApprovalCaseLookup;
import org.opensupervision.complaint.LinkedApprovalCase;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The complaint meets its case: what the complaint pages, the complaint API and the complaint process's forms show of
 * the approval case a complaint names. Read at each request by the case's natural key, so the link holds whichever of
 * the two arrived first. Scoped like the approval API: the offices every department's case, a handler their own.
 */
@Service
public class ApprovalCaseLinks implements ApprovalCaseLookup {

    /** Link of the staff case page, as the form summaries name it. */
    static final String CASE_PAGE = "/staff/approval-cases/";

    private final ApprovalCases cases;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;
    private final MessageSource messages;

    ApprovalCaseLinks(ApprovalCases cases, DepartmentDirectory departments, DeadlineDisplay display,
                      MessageSource messages) {
        this.cases = cases;
        this.departments = departments;
        this.display = display;
        this.messages = messages;
    }

    @Override
    public Optional<LinkedApprovalCase> find(String approvalCaseNumber, Authentication reader) {
        if (approvalCaseNumber == null || approvalCaseNumber.isBlank()) {
            return Optional.empty();
        }
        StaffScope scope = StaffScope.of(reader, departments);
        return cases.departmentOf(approvalCaseNumber.trim())
                .filter(d -> scope.everything() || scope.departmentCodes().contains(d))
                .flatMap(d -> cases.find(approvalCaseNumber.trim())).map(ApprovalCaseLinks::linked);
    }

    /**
     * The case's timeline and cards as Chinese text for a read-only form field, or why they are not shown (another
     * department's case); empty when no case is named or none with that number has been reported yet.
     *
     * @param audience the departments the task's users handle, or null when the offices work the task (every
     *                 department's case is theirs to see)
     */
    @Override
    public Optional<String> summaryOf(String approvalCaseNumber, Set<String> audience) {
        if (approvalCaseNumber == null || approvalCaseNumber.isBlank()) {
            return Optional.empty();
        }
        String caseId = approvalCaseNumber.trim();
        Optional<String> department = cases.departmentOf(caseId);
        if (department.isEmpty()) {
            return Optional.empty();
        }
        if (audience != null && !audience.contains(department.get())) {
            return Optional.of(bilingual("approval.summary.otherDepartment", caseId));
        }
        return cases.find(caseId).map(this::text);
    }

    private String text(ApprovalCaseView c) {
        StringBuilder out = new StringBuilder();
        out.append(c.caseId()).append(" · ").append(c.itemName()).append(" (").append(c.itemCode()).append(" v")
                .append(c.itemVersion()).append(") · ")
                .append(departments.find(c.departmentCode()).map(d -> d.nameZh()).orElse(c.departmentCode()))
                .append('\n');
        out.append(bilingual("approval.summary.status")).append(": ")
                .append(bilingual("approval.status." + c.status()))
                .append(c.overdue() ? " · " + bilingual("approval.overdue") : "").append('\n');
        out.append(bilingual("approval.promisedDueAt")).append(": ").append(display.format(c.promisedDueAt()))
                .append('\n');
        out.append(bilingual("approval.statutoryDueAt")).append(": ").append(display.format(c.statutoryDueAt()))
                .append('\n');
        out.append(bilingual("approval.stoppedWorkingDays")).append(": ").append(c.stoppedWorkingDays())
                .append('\n');
        out.append(bilingual("approval.timeline")).append(":\n");
        for (ApprovalCaseView.Event e : c.events()) {
            out.append("  ").append(display.local(e.occurredAt())).append("  ")
                    .append(bilingual("approval.event." + e.type()));
            if (e.procedure() != null) {
                out.append(" · ").append(bilingual("approval.procedure." + e.procedure()));
            }
            if (e.decision() != null) {
                out.append(" · ").append(bilingual("approval.decision." + e.decision()));
            }
            out.append(" · ").append(e.channel());
            if (e.reason() != null) {
                out.append(" · ").append(e.reason());
            }
            out.append('\n');
        }
        out.append(bilingual("approval.cards")).append(": ");
        if (c.cards().isEmpty()) {
            out.append(bilingual("approval.cards.none"));
        }
        for (ApprovalCard card : c.cards()) {
            out.append("\n  ").append(bilingual("approval.card." + card.colour())).append(" · ")
                    .append(display.local(card.raisedAt())).append(" · ").append(card.cause().labelZh())
                    .append(" · ").append(bilingual("approval.cardStatus." + card.status()));
        }
        out.append('\n').append(CASE_PAGE).append(c.caseId());
        return out.toString();
    }

    private String bilingual(String key, Object... args) {
        // Staff read this in Tasklist: Chinese only (issue 16).
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static LinkedApprovalCase linked(ApprovalCaseView c) {
        return new LinkedApprovalCase(c.caseId(), c.itemCode(), c.itemName(), c.departmentCode(), c.status().name(),
                c.submittedAt(), c.acceptedAt(), c.decidedAt(), c.completedAt(), c.promisedDueAt(),
                c.statutoryDueAt(), c.stoppedWorkingDays(), c.overdue(), c.cards().stream()
                .map(k -> new LinkedApprovalCase.Card(k.colour().name(), k.cause().name(), k.reason(),
                        k.raisedAt(), k.status().name())).toList());
    }
}
