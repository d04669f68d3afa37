package org.opensupervision.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules officials change for approval-case supervision ({@code supervision.approval.*}).
 *
 * @param yellowWorkingDaysBefore    a yellow card this many working days before a limit passes (1)
 * @param yellowShareUsed            ... or when this share of the limit is used, whichever comes first (0.8)
 * @param defaultMaxStopWorkingDays  the longest a clock stop counts when the catalogue row names no maximum (30)
 * @param maxBatchSize               events in one request at most (1,000)
 * @param watchInterval              how often the watch looks for cases whose next check is due (10 s)
 * @param watchBatchSize             cases per transaction of the watch (500)
 * @param catalogueRefresh           how long a node trusts its copy of the latest catalogue versions (10 s)
 * @param initialCatalogue           loaded at start while the catalogue is empty; blank for none
 * @param contestReviewWorkingDays   the supervision office decides a contested card within (5)
 * @param onlineTarget               the share of cases applied for and concluded online the province aims at (0.5)
 * @param watchScheduled             whether the watch runs on its own (tests run it after moving the clock)
 */
@ConfigurationProperties("supervision.approval")
public record ApprovalProperties(@DefaultValue("1") int yellowWorkingDaysBefore,
                                 @DefaultValue("0.8") double yellowShareUsed,
                                 @DefaultValue("30") int defaultMaxStopWorkingDays,
                                 @DefaultValue("1000") int maxBatchSize,
                                 @DefaultValue("10s") Duration watchInterval,
                                 @DefaultValue("500") int watchBatchSize,
                                 @DefaultValue("10s") Duration catalogueRefresh,
                                 @DefaultValue("classpath:reference/approval-items.csv") String initialCatalogue,
                                 @DefaultValue("5") int contestReviewWorkingDays,
                                 @DefaultValue("0.5") double onlineTarget,
                                 @DefaultValue("true") boolean watchScheduled) {
}
