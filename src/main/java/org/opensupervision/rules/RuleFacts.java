package org.opensupervision.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts the rules decide on: the case (trigger, category) and the department's record this month (in China
 * Standard Time), the event that triggered the check included.
 */
public record RuleFacts(RuleTrigger trigger, String category, String departmentCode, long firstFeedbackBreachesThisMonth,
                        long handlingBreachesThisMonth, long badRatingsThisMonth,
                        long spotCheckDiscrepanciesThisMonth, long redCardsThisMonth, long yellowCardsThisMonth) {

    /** The facts of the complaint side alone (no approval cards). */
    public RuleFacts(RuleTrigger trigger, String category, String departmentCode, long firstFeedbackBreachesThisMonth,
                     long handlingBreachesThisMonth, long badRatingsThisMonth, long spotCheckDiscrepanciesThisMonth) {
        this(trigger, category, departmentCode, firstFeedbackBreachesThisMonth, handlingBreachesThisMonth,
                badRatingsThisMonth, spotCheckDiscrepanciesThisMonth, 0, 0);
    }

    /** The facts as the DMN tables' input variables. */
    public Map<String, Object> variables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("trigger", trigger.name());
        v.put("category", category);
        v.put("departmentCode", departmentCode);
        v.put("firstFeedbackBreachesThisMonth", firstFeedbackBreachesThisMonth);
        v.put("handlingBreachesThisMonth", handlingBreachesThisMonth);
        v.put("badRatingsThisMonth", badRatingsThisMonth);
        v.put("spotCheckDiscrepanciesThisMonth", spotCheckDiscrepanciesThisMonth);
        v.put("redCardsThisMonth", redCardsThisMonth);
        v.put("yellowCardsThisMonth", yellowCardsThisMonth);
        return v;
    }
}
