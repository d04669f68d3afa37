package org.opensupervision.evaluation;

import java.time.LocalDate;

/**
 * A 通报批评 decided in the period, at department level: no person, no complainant, no case number.
 *
 * @param decidedOn the day of the decision in China Standard Time
 */
public record PublicNotice(String departmentCode, LocalDate decidedOn) {
}
