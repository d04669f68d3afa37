package org.opensupervision.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigests;

/** The rating link as a compact JWS: what it carries, and what is not a link. */
class RatingLinksTest {

    static final Instant DUE = Instant.parse("2026-03-09T16:00:00Z");

    final RatingLinks links = links("a-rating-link-secret-of-32-bytes-or-more");

    static RatingLinks links(String secret) {
        return new RatingLinks(KeyedDigests.withSecrets(Map.of(HmacKey.RATING_LINK, secret)));
    }

    @Test
    void aLinkCarriesTheCaseTheRoundAndTheDeadline() {
        String token = links.tokenFor("TS20260302-AAAAAA", 2, DUE);

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(links.read(token)).contains(new RatingLinks.Link("TS20260302-AAAAAA", 2, DUE));
    }

    @Test
    void aTamperedLinkOrOneSignedWithAnotherKeyIsNoLink() {
        String token = links.tokenFor("TS20260302-AAAAAA", 1, DUE);
        String[] parts = token.split("\\.");
        String otherCase = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"TS20260302-BBBBBB\",\"round\":1,\"exp\":" + DUE.getEpochSecond() + "}").getBytes());

        assertThat(links.read(parts[0] + "." + otherCase + "." + parts[2])).isEmpty();
        assertThat(links.read(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(links("another-rating-link-secret-of-32-bytes").read(token)).isEmpty();
        assertThat(links.read("eyJhbGciOiJub25lIn0." + parts[1] + ".")).as("alg none").isEmpty();
        assertThat(links.read("TS20260302-AAAAAA.1.1773072000.c2lnbmF0dXJl")).as("the old format").isEmpty();
        assertThat(links.read(null)).isEmpty();
    }

    @Test
    void aSecretTooShortForHs256StopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> links("only-twenty-bytes-xy"))
                .withMessageContaining("supervision.rating.link-secret must have at least 32 bytes");
    }
}
