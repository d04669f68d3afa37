package org.opensupervision.spotcheck;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One spot-check round: the period sampled, the seed of the draw (so it can be drawn again), and its counts. */
@Entity
@Table(name = "spot_check_round")
public class SpotCheckRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "period_start", nullable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false)
    private Instant periodEnd;

    @Column(nullable = false)
    private long seed;

    @Column(name = "candidate_count", nullable = false)
    private int candidateCount;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    private Integer openItems;

    private int earlierRoundsOpen;

    protected SpotCheckRound() {
    }

    SpotCheckRound(Instant periodStart, Instant periodEnd, long seed, int candidateCount, int sampleCount,
                   Instant drawnAt, String processInstanceId) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.seed = seed;
        this.candidateCount = candidateCount;
        this.sampleCount = sampleCount;
        this.drawnAt = drawnAt;
        this.processInstanceId = processInstanceId;
    }

    void noteEarlierRoundsOpen(int count) {
        this.earlierRoundsOpen = count;
    }

    /** Discrepancies left unrectified when the round closed; null while it is open. */
    public Integer getOpenItems() {
        return openItems;
    }

    /** How many earlier rounds were still open when this one was drawn. */
    public int getEarlierRoundsOpen() {
        return earlierRoundsOpen;
    }

    void complete(Instant at, int openItems) {
        this.openItems = openItems;
        complete(at);
    }

    void complete(Instant at) {
        completedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public long getSeed() {
        return seed;
    }

    public int getCandidateCount() {
        return candidateCount;
    }

    public int getSampleCount() {
        return sampleCount;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
