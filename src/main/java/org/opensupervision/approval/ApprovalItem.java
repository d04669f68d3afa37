package org.opensupervision.approval;

import java.time.Instant;

/**
 * One version of a catalogue item (事项目录): the limits every case of the item is watched against. A case keeps the
 * version it started under.
 *
 * @param id                          the version's id
 * @param itemCode                    the item's code, stable across versions
 * @param statutoryLimitWorkingDays   法定时限, in working days from acceptance to the decision
 * @param promisedLimitWorkingDays    承诺时限, at most the statutory limit; 0 for 即办件 (the same working day)
 * @param acceptanceLimitWorkingDays  受理 stage: from application to acceptance, or null
 * @param reviewLimitWorkingDays      审查 stage: from acceptance to the decision, net of stops, or null
 * @param decisionLimitWorkingDays    决定 stage: from the decision to completion (delivery), or null
 * @param maxStopWorkingDays          the longest a single clock stop may count; a longer one is flagged and the clocks
 *                                    run again after it
 * @param onlineRequired              the item must be handled online: completion at the counter is irregular
 */
public record ApprovalItem(long id, String itemCode, int version, String name, String departmentCode, CaseType caseType,
                           int statutoryLimitWorkingDays, int promisedLimitWorkingDays,
                           Integer acceptanceLimitWorkingDays, Integer reviewLimitWorkingDays,
                           Integer decisionLimitWorkingDays, int maxStopWorkingDays, boolean onlineRequired,
                           Instant loadedAt, String loadedBy) {

    /** Whether this version sets the same rules as a row to load (so loading it again makes no new version). */
    boolean sameRulesAs(CatalogueRow row) {
        return name.equals(row.name()) && departmentCode.equals(row.departmentCode()) && caseType == row.caseType()
                && statutoryLimitWorkingDays == row.statutoryLimitWorkingDays()
                && promisedLimitWorkingDays == row.promisedLimitWorkingDays()
                && java.util.Objects.equals(acceptanceLimitWorkingDays, row.acceptanceLimitWorkingDays())
                && java.util.Objects.equals(reviewLimitWorkingDays, row.reviewLimitWorkingDays())
                && java.util.Objects.equals(decisionLimitWorkingDays, row.decisionLimitWorkingDays())
                && maxStopWorkingDays == row.maxStopWorkingDays() && onlineRequired == row.onlineRequired();
    }
}
