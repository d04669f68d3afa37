package org.opensupervision.rating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.notification.MailFacts;
import org.opensupervision.notification.Notice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The rating link, its deadline and the rectification facts for the rating mails. */
@Component
class RatingMailFacts implements MailFacts {

    private final CitizenRatings ratings;
    private final DeadlineDisplay display;
    private final String publicBaseUrl;

    RatingMailFacts(CitizenRatings ratings, DeadlineDisplay display,
                    @Value("${supervision.mail.public-base-url}") String publicBaseUrl) {
        this.ratings = ratings;
        this.display = display;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public Map<String, Object> factsFor(Notice notice, String trackingNumber) {
        if (notice != Notice.RATING_INVITATION && notice != Notice.RECTIFICATION_REPLY
                && notice != Notice.RECTIFICATION_OVERDUE) {
            return Map.of();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trackUrl", publicBaseUrl + "/track");
        ratings.openRound(trackingNumber).ifPresent(r -> facts.put("ratingDueAt", display.format(r.getDueAt())));
        ratings.linkTokenFor(trackingNumber).ifPresent(t -> facts.put("ratingUrl", publicBaseUrl + "/rate/" + t));
        List<CitizenRating> rounds = ratings.ratingsOf(trackingNumber);
        if (!rounds.isEmpty()) {
            CitizenRating first = rounds.get(0);
            facts.put("rectificationText", first.getRectificationText() == null ? "" : first.getRectificationText());
            facts.put("rectificationDueAt", display.format(first.getRectificationDueAt()));
        }
        return facts;
    }
}
