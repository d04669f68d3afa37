package org.opensupervision.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opensupervision.SupervisionApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The complaint module's wall (issue 15): its entities stay inside it, other modules read {@link ComplaintFacts}
 * from its facade, the complainant's contact data leave it only through the privacy module, and no module reads
 * another module's tables in SQL. Checked three ways: the compiler (the entities are not public), Spring Modulith's
 * bytecode view of the dependencies, and the sources (SQL lives in strings, which no bytecode check sees).
 */
class ComplaintModuleWallTest {

    private static final Path MAIN = Path.of("src/main/java/org/opensupervision");

    /** The module that owns each table another module once read in SQL. */
    private static final Map<String, String> OWNER = Map.of("complaint", "complaint", "deadline_breach", "complaint",
            "citizen_rating", "rating");

    @Test
    void theComplaintEntitiesAndTheirRepositoriesAreNotPublic() {
        for (Class<?> type : List.of(Complaint.class, DeadlineBreach.class, ComplaintRepository.class,
                DeadlineBreachRepository.class)) {
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getSimpleName()).isFalse();
        }
    }

    @Test
    void noOtherModuleDependsOnAComplaintEntity() {
        ApplicationModules modules = ApplicationModules.of(SupervisionApplication.class);
        List<String> entities = List.of(Complaint.class.getName(), DeadlineBreach.class.getName());
        for (ApplicationModule module : modules) {
            if (module.getName().equals("complaint")) {
                continue;
            }
            assertThat(module.getDirectDependencies(modules).stream()
                    .map(d -> d.getTargetType().getName()).filter(entities::contains).toList())
                    .as("module %s depends on a complaint entity", module.getName()).isEmpty();
        }
    }

    @Test
    void contactDataPassThePrivacyModuleWhichKnowsNoComplaint() throws IOException {
        for (Path source : sources("privacy")) {
            assertThat(Files.readString(source, StandardCharsets.UTF_8))
                    .as("%s imports the complaint module", source).doesNotContain("org.opensupervision.complaint");
        }
        assertThat(ComplaintFacts.class.getRecordComponents()).extracting(c -> c.getName().toLowerCase())
                .noneMatch(name -> name.contains("contact") || name.contains("email") || name.contains("phone"));
    }

    @Test
    void noModuleReadsAnotherModulesTablesInSql() throws IOException {
        for (Map.Entry<String, String> table : OWNER.entrySet()) {
            Pattern sql = Pattern.compile("(?i)\\b(from|join|update|into)\\s+" + table.getKey() + "(?![\\w-])");
            for (Path source : sources(null)) {
                String module = MAIN.relativize(source).getName(0).toString();
                if (!module.equals(table.getValue())) {
                    assertThat(sql.matcher(Files.readString(source, StandardCharsets.UTF_8)).find())
                            .as("%s reads table %s of module %s", source, table.getKey(), table.getValue())
                            .isFalse();
                }
            }
        }
    }

    private static List<Path> sources(String module) throws IOException {
        try (Stream<Path> files = Files.walk(module == null ? MAIN : MAIN.resolve(module))) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            return sources;
        }
    }
}
