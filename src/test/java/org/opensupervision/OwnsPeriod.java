package org.opensupervision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The months (and, if named, the departments in them) whose cases a test class alone makes and reads: its counts,
 * dashboards, evaluations and rule checks there are its own. Months are those of China Standard Time. No two classes
 * may claim overlapping slots ({@link PeriodClaims}: the test of every class fails if they do), and a class that
 * files a complaint or an approval case in a slot another class owns fails after its tests ({@link PeriodClaimsGuard}).
 * How the tests stay apart: docs/architecture.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(OwnsPeriod.List.class)
public @interface OwnsPeriod {

    /** Months as {@code yyyy-MM}, or a year as {@code yyyy} for all its months. */
    String[] value();

    /** The departments owned in those months; none named: every department. */
    String[] departments() default {};

    /** The cases owned in those months: complaints, approval cases, or both. */
    Cases[] cases() default {Cases.COMPLAINTS, Cases.APPROVAL};

    /** Why the class needs the slot to itself (what it counts there). */
    String because() default "";

    /** The two kinds of cases, each the root of the data a test counts (breaches, ratings, cards, evaluations). */
    enum Cases {
        /** Complaints (table {@code complaint}), by their submission and their department or handling department. */
        COMPLAINTS,
        /** Approval cases (table {@code approval_case}), by their submission and their department. */
        APPROVAL
    }

    /** The container of repeated claims. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        OwnsPeriod[] value();
    }
}
