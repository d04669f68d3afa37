package org.opensupervision.rating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensupervision.audit.DossierSection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RatingProperties.class)
class RatingConfiguration {

    /** The ratings in a case's dossier (the callback note stays out: it may name the complainant). */
    @Bean
    DossierSection ratingsDossierSection(CitizenRatings ratings) {
        return new DossierSection() {
            @Override
            public String name() {
                return "ratings";
            }

            @Override
            public Object contentFor(String trackingNumber) {
                List<Map<String, Object>> rounds = new java.util.ArrayList<>();
                for (CitizenRating r : ratings.ratingsOf(trackingNumber)) {
                    Map<String, Object> round = new LinkedHashMap<>();
                    round.put("round", r.getRound());
                    round.put("status", r.getStatus());
                    round.put("level", r.getLevel() == null ? null : r.getLevel().score());
                    round.put("channel", r.getChannel());
                    round.put("ratedAt", r.getRatedAt());
                    round.put("dueAt", r.getDueAt());
                    round.put("comment", r.getComment());
                    round.put("answers", r.getAnswers());
                    round.put("rectificationDueAt", r.getRectificationDueAt());
                    round.put("rectifiedAt", r.getRectifiedAt());
                    round.put("appealReason", r.getAppealReason());
                    round.put("appealUpheld", r.getAppealUpheld());
                    round.put("appealDecisionReason", r.getAppealDecisionReason());
                    rounds.add(round);
                }
                return rounds;
            }
        };
    }
}
