package org.opensupervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.PeriodClaims.Slot;

/** The claims of the test classes ({@link OwnsPeriod}) are disjoint, and the check would see if they were not. */
class PeriodClaimsTest {

    /** A class with two claims, in years no test runs in. */
    @OwnsPeriod(value = "2098-06", departments = "GD-AMR")
    @OwnsPeriod("2099")
    static final class Claimant {
    }

    @Test
    void noTwoTestClassesClaimTheSameMonthOfTheSameDepartment() {
        List<Slot> all = PeriodClaims.all();

        assertThat(all).extracting(Slot::owner).contains(PeriodClaimsTest.Claimant.class);
        assertThat(PeriodClaims.conflicts(all)).isEmpty();
    }

    @Test
    void aClaimReadsMonthsYearsAndDepartments() {
        List<Slot> slots = PeriodClaims.of(Claimant.class);

        assertThat(slots).hasSize(26).contains(
                new Slot(Claimant.class, YearMonth.of(2098, 6), "GD-AMR", Cases.COMPLAINTS),
                new Slot(Claimant.class, YearMonth.of(2098, 6), "GD-AMR", Cases.APPROVAL),
                new Slot(Claimant.class, YearMonth.of(2099, 1), null, Cases.APPROVAL),
                new Slot(Claimant.class, YearMonth.of(2099, 12), null, Cases.COMPLAINTS));
    }

    @Test
    void slotsOverlapInTheSameMonthAndKindWhenTheyShareADepartmentOrOneTakesEveryDepartment() {
        YearMonth april = YearMonth.of(2026, 4);
        Slot amr = new Slot(String.class, april, "GD-AMR", Cases.COMPLAINTS);

        assertThat(PeriodClaims.conflicts(List.of(amr, new Slot(Integer.class, april, "GD-AMR", Cases.COMPLAINTS))))
                .hasSize(1);
        assertThat(PeriodClaims.conflicts(List.of(amr, new Slot(Integer.class, april, null, Cases.COMPLAINTS))))
                .hasSize(1);
        assertThat(PeriodClaims.conflicts(List.of(new Slot(Integer.class, april, null, Cases.COMPLAINTS), amr)))
                .hasSize(1);
        assertThat(PeriodClaims.conflicts(List.of(amr, new Slot(Integer.class, april, "GD-EDU", Cases.COMPLAINTS))))
                .isEmpty();
        assertThat(PeriodClaims.conflicts(List.of(amr, new Slot(Integer.class, april, "GD-AMR", Cases.APPROVAL))))
                .isEmpty();
        assertThat(PeriodClaims.conflicts(List.of(amr,
                new Slot(Integer.class, april.plusMonths(1), null, Cases.COMPLAINTS)))).isEmpty();
        assertThat(PeriodClaims.conflicts(List.of(amr, new Slot(String.class, april, null, Cases.COMPLAINTS))))
                .as("one class").isEmpty();
    }
}
