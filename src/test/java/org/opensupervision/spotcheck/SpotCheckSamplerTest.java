package org.opensupervision.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The draw on its own: reproducible for a seed, sized by the rates, weighted towards breached and badly rated cases. */
class SpotCheckSamplerTest {

    private static SpotCheckProperties settings(Map<String, Double> rates) {
        return new SpotCheckProperties("R/2026-01-05T09:00:00+08:00/P7D", Duration.ofDays(7), 0.05, rates, 1, 3, 3,
                null);
    }

    private static List<SpotCheckCandidate> department(String code, int cases, int breached) {
        return IntStream.range(0, cases).mapToObj(i -> new SpotCheckCandidate(
                String.format("TS%s-%03d", code, i), code, i < breached, false)).toList();
    }

    private static List<SpotCheckCandidate> candidates() {
        List<SpotCheckCandidate> all = new ArrayList<>();
        all.addAll(department("GD-AMR", 100, 10));
        all.addAll(department("GD-EDU", 10, 0));
        all.addAll(department("GD-PSD", 1, 0));
        return all;
    }

    @Test
    void theSameSeedDrawsTheSameSampleWhateverTheOrderTheCasesWereReadIn() {
        SpotCheckSampler sampler = new SpotCheckSampler(settings(Map.of()));
        List<SpotCheckCandidate> shuffled = new ArrayList<>(candidates());
        Collections.shuffle(shuffled, new Random(7));

        List<SpotCheckCandidate> first = sampler.draw(candidates(), 20260713L);

        assertThat(sampler.draw(shuffled, 20260713L)).isEqualTo(first);
        assertThat(sampler.draw(candidates(), 20260714L)).isNotEqualTo(first);
    }

    @Test
    void eachDepartmentGetsItsRateRoundedUpAndAtLeastOneCheck() {
        SpotCheckSampler sampler = new SpotCheckSampler(settings(Map.of("GD-EDU", 0.25)));

        List<SpotCheckCandidate> sample = sampler.draw(candidates(), 1L);

        assertThat(sample.stream().filter(c -> c.departmentCode().equals("GD-AMR"))).hasSize(5);
        assertThat(sample.stream().filter(c -> c.departmentCode().equals("GD-EDU"))).hasSize(3);
        assertThat(sample.stream().filter(c -> c.departmentCode().equals("GD-PSD"))).hasSize(1);
        assertThat(sampler.sizeFor("GD-HC", 0)).isZero();
        assertThat(sampler.sizeFor("GD-HC", 19)).isEqualTo(1);
        assertThat(sampler.sizeFor("GD-HC", 21)).isEqualTo(2);
    }

    @Test
    void aCaseWithABreachIsAboutFourTimesAsLikelyToBeDrawn() {
        SpotCheckSampler sampler = new SpotCheckSampler(settings(Map.of()));
        List<SpotCheckCandidate> cases = department("GD-NR", 20, 1);
        int breachedDrawn = 0;
        int plainDrawn = 0;
        for (long seed = 0; seed < 4000; seed++) {
            SpotCheckCandidate drawn = sampler.draw(cases, seed).get(0);
            if (drawn.breached()) {
                breachedDrawn++;
            } else {
                plainDrawn++;
            }
        }
        // weight 1 + 3 = 4 against 19 cases of weight 1: expected 4/23 = 17 % of the draws.
        double perPlainCase = plainDrawn / 19.0;
        assertThat(breachedDrawn / perPlainCase).isBetween(3.3, 4.8);
    }
}
