package org.opensupervision.spotcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The draw of a spot-check round, a pure function of the candidates, the seed and the settings, so any round can be
 * drawn again from its recorded seed.
 * <ol>
 * <li>Candidates are grouped by department, departments in code order, each department's cases in tracking-number
 * order (the order the cases were read in does not matter).</li>
 * <li>Each department gets {@code max(minimum, ceil(rate × cases))} checks, at most all its cases.</li>
 * <li>Within a department, weighted sampling without replacement (Efraimidis–Spirakis): one {@link SplittableRandom}
 * seeded with the round's seed (it scrambles the seed, so neighbouring seeds give unrelated draws) gives each case, in that order, {@code u} in [0, 1); its key is {@code u^(1/weight)}; the cases
 * with the largest keys are drawn. A case with weight 4 is about four times as likely to be drawn as one of weight
 * 1.</li>
 * </ol>
 */
public final class SpotCheckSampler {

    private final SpotCheckProperties properties;

    public SpotCheckSampler(SpotCheckProperties properties) {
        this.properties = properties;
    }

    /** Draws the sample for one round; the result is in department, then tracking-number order. */
    public List<SpotCheckCandidate> draw(List<SpotCheckCandidate> candidates, long seed) {
        Map<String, List<SpotCheckCandidate>> byDepartment = candidates.stream().collect(Collectors.groupingBy(
                SpotCheckCandidate::departmentCode, TreeMap::new, Collectors.toList()));
        SplittableRandom random = new SplittableRandom(seed);
        List<SpotCheckCandidate> sample = new ArrayList<>();
        for (Map.Entry<String, List<SpotCheckCandidate>> department : byDepartment.entrySet()) {
            List<SpotCheckCandidate> cases = new ArrayList<>(department.getValue());
            cases.sort(Comparator.comparing(SpotCheckCandidate::trackingNumber));
            int size = sizeFor(department.getKey(), cases.size());
            List<Keyed> keyed = new ArrayList<>();
            for (SpotCheckCandidate c : cases) {
                double weight = c.weight(properties.breachWeight(), properties.badRatingWeight());
                keyed.add(new Keyed(c, Math.pow(random.nextDouble(), 1.0 / weight)));
            }
            keyed.stream().sorted(Comparator.comparingDouble(Keyed::key).reversed()).limit(size)
                    .map(Keyed::candidate).sorted(Comparator.comparing(SpotCheckCandidate::trackingNumber))
                    .forEach(sample::add);
        }
        return sample;
    }

    /** How many of a department's closed cases are checked. */
    int sizeFor(String departmentCode, int cases) {
        int byRate = (int) Math.ceil(properties.rateOf(departmentCode) * cases - 1e-9);
        return Math.min(cases, Math.max(properties.minimumPerDepartment(), byRate));
    }

    private record Keyed(SpotCheckCandidate candidate, double key) {
    }
}
