package org.opensupervision.approval;

/**
 * One item of a catalogue to load (REST or CSV), validated by {@link ApprovalCatalogue#load}.
 *
 * @param maxStopWorkingDays null takes {@code supervision.approval.default-max-stop-working-days}
 */
public record CatalogueRow(String itemCode, String name, String departmentCode, CaseType caseType,
                           int statutoryLimitWorkingDays, int promisedLimitWorkingDays,
                           Integer acceptanceLimitWorkingDays, Integer reviewLimitWorkingDays,
                           Integer decisionLimitWorkingDays, Integer maxStopWorkingDays, boolean onlineRequired) {
}
