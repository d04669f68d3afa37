package org.opensupervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * The module dependencies as the source code has them, constants included. Spring Modulith's check
 * ({@link ModularityTests}) reads bytecode, where a {@code static final String} of another module is inlined and its
 * dependency gone: {@code access} once used {@code rating.RatingProcess.KEY} and closed a loop of seven modules that
 * no bytecode check could see (issue 15). Here every {@code org.opensupervision.<module>} a source file names (an
 * import, a static import, a fully qualified name, a Javadoc link) is a dependency of its module, and the graph must
 * be free of cycles, within each module's declared {@code allowedDependencies}, and run down the layers of
 * {@code docs/architecture.md} ("Modules and their dependencies").
 */
class ModuleDependenciesTest {

    static final Path MAIN = Path.of("src/main/java/org/opensupervision");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.opensupervision\\.([a-z][a-z0-9]*)\\b");

    /**
     * The layers, lowest first: a module may use modules of its own layer or below, never above (and never in a
     * cycle, which {@link #theModulesFormNoCycleEvenThroughConstants()} checks within a layer).
     */
    static final List<Layer> LAYERS = List.of(
            new Layer("foundation", "calendar", "department", "secrets", "web", "workflow"),
            new Layer("staff and protection", "access", "identity", "privacy", "protection"),
            new Layer("case records", "complaint", "audit", "notification"),
            new Layer("supervision processes", "handling", "rules", "discipline", "ladder", "rating", "spotcheck"),
            new Layer("entry points, read models and evaluation", "intake", "tracking", "dashboard", "evaluation",
                    "approval", "demo"));

    record Layer(String name, String... modules) {
        boolean has(String module) {
            return Arrays.asList(modules).contains(module);
        }
    }

    @Test
    void theModulesFormNoCycleEvenThroughConstants() {
        Map<String, Set<String>> graph = sourceDependencies();

        assertThat(graph).as("modules found under %s", MAIN).hasSizeGreaterThan(10);
        assertThat(String.join(" -> ", cycle(graph)))
                .as("a cycle between modules (source level: imports, constants, qualified names)").isEmpty();
    }

    @Test
    void everyModuleDeclaresItsDependenciesAndUsesNoOther() {
        Map<String, Set<String>> graph = sourceDependencies();
        List<String> problems = new ArrayList<>();
        graph.forEach((module, uses) -> {
            Optional<Set<String>> declared = declaredDependencies(module);
            if (declared.isEmpty()) {
                problems.add(module + ": no @ApplicationModule(allowedDependencies = ...) in its package-info.java");
                return;
            }
            Set<String> undeclared = new TreeSet<>(uses);
            undeclared.removeAll(declared.get());
            if (!undeclared.isEmpty()) {
                problems.add(module + " uses " + undeclared + " but declares only " + new TreeSet<>(declared.get()));
            }
        });
        assertThat(problems).as("modules whose sources use modules they do not declare").isEmpty();
    }

    @Test
    void noModuleUsesOrMayUseAModuleOfAHigherLayer() {
        Map<String, Set<String>> graph = sourceDependencies();
        List<String> problems = new ArrayList<>();
        for (String module : graph.keySet()) {
            int layer = layerOf(module);
            if (layer < 0) {
                problems.add(module + " is in no layer (ModuleDependenciesTest.LAYERS, docs/architecture.md)");
                continue;
            }
            Set<String> targets = new TreeSet<>(graph.get(module));
            declaredDependencies(module).ifPresent(targets::addAll);
            for (String target : targets) {
                if (layerOf(target) > layer) {
                    problems.add(module + " (" + LAYERS.get(layer).name() + ") -> " + target + " ("
                            + LAYERS.get(layerOf(target)).name() + ")");
                }
            }
        }
        assertThat(problems).as("dependencies that point to a higher layer").isEmpty();
    }

    @Test
    void theCheckSeesADependencyThatOnlyAConstantCarries() {
        // What the old loop looked like: access named rating's process key, which the compiler inlines.
        Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "access", Set.of("rating"), "rating", Set.of("audit"), "audit", Set.of("complaint"),
                "complaint", Set.of("access"), "calendar", Set.of()));

        assertThat(cycle(graph)).containsExactly("access", "rating", "audit", "complaint", "access");
        assertThat(references("""
                import static org.opensupervision.rating.RatingProcess.KEY;
                String key = org.opensupervision.workflow.ComplaintProcess.KEY;
                """)).containsExactlyInAnyOrder("rating", "workflow");
    }

    /** Module (top-level package) to the other modules its sources name. */
    static Map<String, Set<String>> sourceDependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> modules = Files.list(MAIN)) {
            for (Path folder : modules.filter(Files::isDirectory).sorted().toList()) {
                String module = folder.getFileName().toString();
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        uses.addAll(references(Files.readString(source, StandardCharsets.UTF_8)));
                    }
                }
                uses.remove(module);
                graph.put(module, uses);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return graph;
    }

    static Set<String> references(String source) {
        Set<String> modules = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(source);
        while (matcher.find()) {
            modules.add(matcher.group(1));
        }
        return modules;
    }

    /** The modules named in the module's {@code @ApplicationModule(allowedDependencies)}, if it declares them. */
    static Optional<Set<String>> declaredDependencies(String module) {
        Package definition;
        try {
            definition = Class.forName("org.opensupervision." + module + ".package-info").getPackage();
        } catch (ClassNotFoundException ex) {
            return Optional.empty();
        }
        ApplicationModule annotation = definition.getAnnotation(ApplicationModule.class);
        if (annotation == null
                || Arrays.asList(annotation.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
            return Optional.empty();
        }
        Set<String> declared = new TreeSet<>();
        for (String dependency : annotation.allowedDependencies()) {
            declared.add(dependency.split("::")[0].strip());
        }
        return Optional.of(declared);
    }

    static int layerOf(String module) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).has(module)) {
                return i;
            }
        }
        return -1;
    }

    /** A cycle as the path that closes it ({@code a, b, c, a}), or empty when the graph has none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            List<String> found = cycleFrom(start, graph, new ArrayDeque<>(), new HashSet<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> cycleFrom(String module, Map<String, Set<String>> graph, Deque<String> path,
                                          Set<String> onPath, Set<String> done) {
        if (onPath.contains(module)) {
            List<String> loop = new ArrayList<>();
            boolean inLoop = false;
            for (String step : path) {
                inLoop |= step.equals(module);
                if (inLoop) {
                    loop.add(step);
                }
            }
            loop.add(module);
            return loop;
        }
        if (!done.add(module)) {
            return List.of();
        }
        path.addLast(module);
        onPath.add(module);
        for (String next : graph.getOrDefault(module, Set.of())) {
            List<String> found = cycleFrom(next, graph, path, onPath, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.removeLast();
        onPath.remove(module);
        return List.of();
    }
}
