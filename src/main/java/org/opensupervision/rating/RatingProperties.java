package org.opensupervision.rating;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rating rules. The key of the rating links, {@code supervision.rating.link-secret}, is read with the other HMAC
 * keys ({@code secrets.KeyedDigests}).
 *
 * @param daysToRate calendar days the complainant has to rate before the case counts as 基本满意 (default 7)
 * @param rectificationWorkingDays working days the department has to rectify after a bad rating (default 15)
 * @param questions the questionnaire shown with the five levels
 */
@ConfigurationProperties("supervision.rating")
public record RatingProperties(int daysToRate, int rectificationWorkingDays, List<Question> questions) {

    public RatingProperties {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * One question of the questionnaire.
     *
     * @param key the answer's key
     * @param type {@code SCALE} (1 to 5) or {@code YES_NO}
     * @param label the question, "中文 / English"
     */
    public record Question(String key, QuestionType type, String label) {
    }

    /** How a question is answered. */
    public enum QuestionType { SCALE, YES_NO }
}
