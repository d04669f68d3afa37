package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The complaint meets its case across a module wall: no source of the other modules names an approval table or an
 * approval type (a source-level check, since constants are inlined into bytecode); they reach the approval case only
 * through {@code complaint.ApprovalCaseLookup}, which the approval module implements.
 */
class ApprovalModuleWallTest {

    private static final Path MAIN = Path.of("src/main/java/org/opensupervision");
    /** The tables as SQL names them (lower case; {@code Notice.APPROVAL_CARD} is a mail kind, not a table). */
    private static final Pattern APPROVAL_TABLE = Pattern.compile("\\bapproval_(item|case|event|card)\\b");

    @Test
    void noOtherModuleQueriesApprovalTablesOrImportsTheApprovalModule() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).startsWith("approval")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            assertThat(APPROVAL_TABLE.matcher(text).find()).as("%s names an approval table", source).isFalse();
            assertThat(text).as("%s imports the approval module", source).doesNotContain("org.opensupervision.approval");
        }
    }
}
