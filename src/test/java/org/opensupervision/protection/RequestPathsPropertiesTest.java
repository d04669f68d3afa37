package org.opensupervision.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link RequestPaths} (issue 12, hole 3), run by the jqwik engine next to Jupiter: every spelling of a
 * path that the container maps to the same resource normalises to that path, so no spelling escapes a rate limit, and
 * whatever a stranger sends, the normalised path has no empty, {@code .} or {@code ..} segment.
 */
class RequestPathsPropertiesTest {

    /** Paths the limits name: lower-case segments of letters, digits and hyphens. */
    @Provide
    Arbitrary<List<String>> paths() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0', '7').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void everySpellingOfAPathNormalisesToIt(@ForAll("paths") List<String> segments,
                                            @ForAll("spellings") List<Spelling> spellings) {
        String canonical = "/" + String.join("/", segments);
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            raw.append(spellings.get(i % spellings.size()).spell(segments.get(i)));
        }
        assertThat(RequestPaths.normalised(raw.toString())).as(raw.toString()).isEqualTo(canonical);
    }

    @Property(tries = 300)
    void whateverIsSentTheNormalisedPathHasNoDotOrEmptySegment(@ForAll("hostilePaths") String raw) {
        String path = RequestPaths.normalised(raw);
        assertThat(path).startsWith("/").isEqualTo(path.toLowerCase(Locale.ROOT));
        if (path.length() > 1) {
            assertThat(path.substring(1).split("/", -1)).doesNotContain("", ".", "..");
        }
    }

    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("/", "//", "/./", "/../", "%2e", "%2E%2e", "%2f", "%252e", "%", "%z", "%e4%b8",
                        ";", ";jsessionid=1", "..", ".", "\\", "%00", "%ff", "%c0%ae"),
                Arbitraries.strings().ofMaxLength(6));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<List<Spelling>> spellings() {
        return Arbitraries.of(Spelling.values()).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Ways of writing one segment that the container and Spring MVC read as that segment. */
    enum Spelling {
        PLAIN {
            String spell(String segment) {
                return "/" + segment;
            }
        },
        PERCENT_ENCODED {
            String spell(String segment) {
                StringBuilder out = new StringBuilder("/");
                segment.chars().forEach(c -> out.append(String.format("%%%02X", c)));
                return out.toString();
            }
        },
        UPPER_CASE {
            String spell(String segment) {
                return "/" + segment.toUpperCase(Locale.ROOT);
            }
        },
        DOUBLE_SLASH {
            String spell(String segment) {
                return "//" + segment;
            }
        },
        DOT_SEGMENT {
            String spell(String segment) {
                return "/./" + segment;
            }
        },
        DETOUR {
            String spell(String segment) {
                return "/elsewhere/%2e%2e/" + segment;
            }
        },
        PATH_PARAMETER {
            String spell(String segment) {
                return "/" + segment + ";jsessionid=0123";
            }
        },
        TRAILING_SLASH {
            String spell(String segment) {
                return "/" + segment + "/";
            }
        };

        abstract String spell(String segment);
    }
}
