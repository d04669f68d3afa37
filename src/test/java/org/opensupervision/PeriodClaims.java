package org.opensupervision;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.opensupervision.OwnsPeriod.Cases;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The registry of the slots the test classes own ({@link OwnsPeriod}), read from the test classes themselves (every
 * class on the classpath, whichever tests a build runs), and the check that no two classes claim the same slot.
 */
public final class PeriodClaims {

    /**
     * One month of one department ({@code department} null: every department) for one kind of cases, that
     * {@code owner} claims.
     */
    public record Slot(Class<?> owner, YearMonth month, String department, Cases cases) {

        boolean overlaps(Slot other) {
            return covers(other.month, other.department, other.cases) || other.covers(month, department, cases);
        }

        boolean covers(YearMonth month, String department, Cases cases) {
            return this.cases == cases && this.month.equals(month)
                    && (this.department == null || this.department.equals(department));
        }

        @Override
        public String toString() {
            return cases + " " + month + " " + (department == null ? "(every department)" : department) + " of "
                    + owner.getSimpleName();
        }
    }

    private static volatile List<Slot> all;

    private PeriodClaims() {
    }

    /** The slots a class claims (none if it has no {@link OwnsPeriod}). */
    public static List<Slot> of(Class<?> type) {
        List<Slot> slots = new ArrayList<>();
        for (OwnsPeriod claim : type.getAnnotationsByType(OwnsPeriod.class)) {
            for (String period : claim.value()) {
                List<YearMonth> months = period.length() == 4
                        ? IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(Integer.parseInt(period), m)).toList()
                        : List.of(YearMonth.parse(period));
                for (YearMonth month : months) {
                    for (Cases cases : claim.cases()) {
                        if (claim.departments().length == 0) {
                            slots.add(new Slot(type, month, null, cases));
                        } else {
                            Arrays.stream(claim.departments()).forEach(d -> slots.add(new Slot(type, month, d, cases)));
                        }
                    }
                }
            }
        }
        return slots;
    }

    /** Every slot claimed by a test class under {@code org.opensupervision}. */
    public static List<Slot> all() {
        List<Slot> slots = all;
        if (slots == null) {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(OwnsPeriod.class));
            scanner.addIncludeFilter(new AnnotationTypeFilter(OwnsPeriod.List.class));
            List<Slot> found = new ArrayList<>();
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.opensupervision")) {
                found.addAll(of(ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        PeriodClaims.class.getClassLoader())));
            }
            all = slots = List.copyOf(found);
        }
        return slots;
    }

    /** Two slots of different classes that overlap. */
    public record Conflict(Slot one, Slot other) {

        boolean involves(Class<?> type) {
            return one.owner() == type || other.owner() == type;
        }

        @Override
        public String toString() {
            return one + " overlaps " + other;
        }
    }

    /** The pairs of slots of different classes that overlap. */
    public static List<Conflict> conflicts(List<Slot> slots) {
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                Slot a = slots.get(i);
                Slot b = slots.get(j);
                if (a.owner() != b.owner() && a.overlaps(b)) {
                    conflicts.add(new Conflict(a, b));
                }
            }
        }
        return conflicts;
    }

    /** The conflicts of the classpath's claims that involve a class. */
    public static List<Conflict> conflictsOf(Class<?> type) {
        return conflicts(all()).stream().filter(c -> c.involves(type)).toList();
    }

    /** The slot of another class that owns these cases of the month of this department, if one does. */
    public static Slot ownerOtherThan(Class<?> type, YearMonth month, String department, Cases cases) {
        for (Slot slot : all()) {
            if (slot.owner() != type && slot.covers(month, department, cases)) {
                return slot;
            }
        }
        return null;
    }
}
