package org.opensupervision.spotcheck;

/**
 * What one parallel check of a round shows and whom it addresses: the sampled case as the inspector's and the
 * department's forms read it, and the department that rectifies a discrepancy.
 *
 * @param trackingNumber       the sampled case
 * @param departmentName       the department that handled it, both languages
 * @param title                the complaint's title
 * @param categoryLabel        its category, both languages
 * @param closedAt             when it was closed, as the forms show a time
 * @param reply                the department's reply the complainant got
 * @param rectificationGroup   the group that rectifies a discrepancy (the department's handlers)
 * @param rectificationAddress where the department is mailed
 */
public record SampledCase(String trackingNumber, String departmentName, String title, String categoryLabel,
                          String closedAt, String reply, String rectificationGroup, String rectificationAddress) {
}
