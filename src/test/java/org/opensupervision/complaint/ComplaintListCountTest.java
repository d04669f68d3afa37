package org.opensupervision.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The staff list counts its matches only up to a limit (figure 4 of docs/benchmarks.md): exact below it, "more than
 * the limit" above it, and the next page is always known exactly.
 */
class ComplaintListCountTest extends IntegrationTest {

    @Autowired
    ComplaintRecords records;
    @Autowired
    CaseDriver cases;

    private static final Sort OLDEST_FIRST = Sort.by("submittedAt").and(Sort.by(Sort.Direction.DESC, "id"));

    @Test
    void theCountStopsAtItsLimitAndSaysSo() {
        String marker = "COUNTMARK" + System.nanoTime();
        Instant start = Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < 5; i++) {
            CaseDriver.moveClockTo(start.plus(Duration.ofMinutes(i)));
            ComplaintSubmission s = CaseDriver.submission("GD-AMR", "OTHER", "count@example.com");
            s.setTitle(marker + " " + i);
            cases.file(s);
        }
        ComplaintQuery query = new ComplaintQuery(null, null, null, null, null, null, marker);

        ListPage<ComplaintFacts> capped = records.search(query, null, Set.of(), PageRequest.of(0, 2, OLDEST_FIRST), 3);
        assertThat(capped.getContent()).hasSize(2);
        assertThat(capped.isTotalCapped()).isTrue();
        assertThat(capped.getTotalElements()).isEqualTo(3);
        assertThat(capped.hasNext()).isTrue();

        ListPage<ComplaintFacts> exact = records.search(query, null, Set.of(), PageRequest.of(0, 2, OLDEST_FIRST), 5);
        assertThat(exact.isTotalCapped()).isFalse();
        assertThat(exact.getTotalElements()).isEqualTo(5);
        assertThat(exact.getTotalPages()).isEqualTo(3);

        // Past the limit, the page still says there is one more page after it.
        ListPage<ComplaintFacts> beyond = records.search(query, null, Set.of(), PageRequest.of(1, 2, OLDEST_FIRST), 1);
        assertThat(beyond.getContent()).extracting(ComplaintFacts::title).containsExactly(marker + " 2", marker + " 3");
        assertThat(beyond.isTotalCapped()).isTrue();
        assertThat(beyond.getTotalElements()).isEqualTo(4);
        assertThat(beyond.hasNext()).isTrue();
        assertThat(beyond.getTotalPages()).isEqualTo(3);

        // The last page knows the total without counting, whatever the limit.
        ListPage<ComplaintFacts> last = records.search(query, null, Set.of(), PageRequest.of(2, 2, OLDEST_FIRST), 1);
        assertThat(last.getContent()).hasSize(1);
        assertThat(last.isTotalCapped()).isFalse();
        assertThat(last.getTotalElements()).isEqualTo(5);
        assertThat(last.hasNext()).isFalse();

        ListPage<ComplaintFacts> none = records.search(new ComplaintQuery(null, null, null, null, null, null, marker + "X"),
                null, Set.of(), PageRequest.of(0, 2, OLDEST_FIRST), 1);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.getTotalElements()).isZero();
        assertThat(none.getTotalPages()).isZero();
    }
}
