package org.opensupervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Mails go in the recipient's language (issue 16): a template without an {@code _en} sibling goes to staff only
 * (departments, the supervision office, its head, inspectors) and is Chinese only; a citizen's template has an
 * English sibling, chosen by the complainant's language.
 */
class StaffMailLanguageTest {

    /** Three English words in a row, once the template's expressions are taken out. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}[ ,:;.]+[A-Za-z]{2,}[ ,:;.]+[A-Za-z]{2,}");
    private static final Pattern EXPRESSION = Pattern.compile("\\[\\(\\$\\{[^}]*}\\)]");

    @Test
    void staffMailsAreChineseOnly() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/mail/*.txt");
        List<String> names = new ArrayList<>();
        for (Resource t : templates) {
            names.add(t.getFilename());
        }
        List<String> staff = names.stream().filter(n -> !n.endsWith("_en.txt"))
                .filter(n -> !names.contains(n.replace(".txt", "_en.txt"))).toList();
        assertThat(staff).as("staff templates").contains("step-reminder.txt", "supervision-notice.txt",
                "approval-card.txt", "discipline-outcome.txt");
        for (Resource t : templates) {
            if (!staff.contains(t.getFilename())) {
                continue;
            }
            String text = EXPRESSION.matcher(t.getContentAsString(StandardCharsets.UTF_8)).replaceAll("X")
                    .replaceAll("https?://\\S+", "");
            assertThat(ENGLISH.matcher(text).find()).as(t.getFilename() + " has English text: " + text).isFalse();
            assertThat(t.getContentAsString(StandardCharsets.UTF_8)).as(t.getFilename())
                    .doesNotContain("nameEn", "colourEn", "outcomeEn", " / ");
        }
    }
}
