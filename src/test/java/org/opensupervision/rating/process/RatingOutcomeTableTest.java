package org.opensupervision.rating.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rating-outcome table on the DMN engine alone: only a bad rating of the first round opens a rectification. */
class RatingOutcomeTableTest {

    private static DmnEngine engine;
    private static DmnDecision table;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = RatingOutcomeTableTest.class.getResourceAsStream("/processes/rating-outcome.dmn")) {
            table = engine.parseDecision(ConfirmRating.OUTCOME_TABLE, in);
        }
    }

    @ParameterizedTest(name = "bad={0} round={1} -> opens a rectification: {2}")
    @CsvSource({
            "true,  1, true",
            "true,  2, false",
            "false, 1, false",
            "false, 2, false"})
    void onlyAFirstBadRatingOpensARectification(boolean bad, int round, boolean opens) {
        var result = engine.evaluateDecisionTable(table, Map.of("ratingBad", bad, "ratingRound", round));
        assertThat(result).hasSize(1);
        assertThat((Object) result.getSingleEntry()).isEqualTo(opens);
        assertThat(result.getSingleResult().keySet()).containsExactly(ConfirmRating.OPENS_RECTIFICATION);
    }
}
