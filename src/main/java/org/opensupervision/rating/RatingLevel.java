package org.opensupervision.rating;

/** The five satisfaction levels (国办发〔2019〕51号); 2 and 1 are a bad rating (差评). */
public enum RatingLevel {
    VERY_SATISFIED(5, "非常满意 / Very satisfied"),
    SATISFIED(4, "满意 / Satisfied"),
    BASICALLY_SATISFIED(3, "基本满意 / Basically satisfied"),
    DISSATISFIED(2, "不满意 / Dissatisfied"),
    VERY_DISSATISFIED(1, "非常不满意 / Very dissatisfied");

    private final int score;
    private final String label;

    RatingLevel(int score, String label) {
        this.score = score;
        this.label = label;
    }

    public int score() {
        return score;
    }

    public String label() {
        return label;
    }

    /** The Chinese label alone ("非常满意"), as staff see it in Tasklist. */
    public String labelZh() {
        return label.substring(0, label.indexOf(" / "));
    }

    public boolean isBad() {
        return score <= 2;
    }

    /** The level of a score from 1 to 5. */
    public static RatingLevel ofScore(int score) {
        for (RatingLevel level : values()) {
            if (level.score == score) {
                return level;
            }
        }
        throw new IllegalArgumentException("No rating level " + score);
    }
}
