package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensupervision.privacy.logging.ContactRedaction;

/**
 * Properties of the log masking (issue 12, hole 4), run by the jqwik engine: whatever a line holds around it, an
 * e-mail address loses its local part and a mobile number its middle digits; and a line built from the characters
 * the patterns look at (the worst case for backtracking) is masked in time linear in its length.
 */
class ContactRedactionPropertiesTest {

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("@.-+_%0123456789abc ").ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> localParts() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '+', '-').ofMinLength(1)
                .ofMaxLength(20).filter(s -> Character.isLetter(s.charAt(0)));
    }

    @Property(tries = 300)
    void anEmbeddedAddressAndMobileNumberNeverSurviveWhole(@ForAll("noise") String before,
                                                          @ForAll("localParts") String local,
                                                          @ForAll("noise") String after) {
        String address = local + "@mail.example.cn";
        String line = before + " " + address + " 13912345678 " + after;
        String masked = ContactRedaction.redact(line);
        assertThat(masked).doesNotContain(address).doesNotContain("13912345678").contains("@mail.example.cn");
    }

    @Provide
    Arbitrary<String> adversarialLines() {
        return Arbitraries.strings().withChars("a@.-_+1 0").ofMinLength(200_000).ofMaxLength(300_000);
    }

    @Property(tries = 10)
    void maskingTakesLinearTimeOnAnyMixOfTheCharactersItLooksAt(@ForAll("adversarialLines") String line) {
        long start = System.nanoTime();
        ContactRedaction.redact(line);
        // 300 KB: milliseconds when linear; the quadratic pattern took minutes for such a line.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }
}
