package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.tracking.TrackingThrottles;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.opensupervision.approval.ApprovalEvents;
import org.opensupervision.evaluation.PublishedPeriods;
import org.opensupervision.evaluation.Evaluations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 12, item 6: the authorization matrix of {@code docs/security.md} generated from one table,
 * {@code security/authorization-matrix.csv}: every row a claim of the document (surface, method, path, the status
 * each role gets), every cell fired as that role against the running application over real HTTP. Two completeness
 * checks keep the table whole: every handler method of the application and every writing JAX-RS resource method of
 * {@code /engine-rest} is covered by a row (its own method and path, or its {@code covers} patterns) or by an
 * {@code excluded} row with the reason, so a new endpoint fails the build until it gets one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest extends IntegrationTest {

    static final List<String> ROLES = List.of("anon", "citizen", "own", "other", "office", "head", "inspector",
            "evaluator", "admin", "system");
    private static final Map<String, String> USERS = Map.of("own", "handler-gd-edu", "other", "handler-gd-amr",
            "office", "supervisor", "head", "supervision-head", "inspector", "inspector", "evaluator", "evaluator",
            "admin", "demo", "system", "system-gd-edu");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z.]+)}");
    /** What a refused cell is sent about instead of a new case. */
    private static final Map<String, String> SHARED_INSTEAD = Map.of("tn", "tn", "task", "task",
            "instance", "instance", "job", "job", "cardCase", "approvalCase", "card", "card");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** One row of the table. */
    record Row(String id, String surface, String method, String path, String body, Map<String, String> cells,
               List<String> covers, String claim) {

        static Row parse(String line) {
            String[] f = line.split(";", 6 + ROLES.size() + 1);
            assertThat(f).as(line).hasSize(6 + ROLES.size() + 1);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                cells.put(ROLES.get(i), f[5 + i].trim());
            }
            List<String> covers = f[5 + ROLES.size()].isBlank() ? List.of()
                    : Arrays.asList(f[5 + ROLES.size()].trim().split("\\s+"));
            return new Row(f[0], f[1], f[2], f[3], f[4], cells, covers, f[6 + ROLES.size()]);
        }

        boolean excluded() {
            return surface.equals("excluded");
        }
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(SecurityMatrixTest.class
                .getResourceAsStream("/security/authorization-matrix.csv"), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(Row.parse(line));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver cases;
    @Autowired
    ApplicationContext context;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    Evaluations evaluations;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong unique = new AtomicLong(System.nanoTime() % 1_000_000L * 1000);
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private int cells;

    @AfterAll
    void forgetTheWrongAccessCodes() {
        TrackingThrottles.forgetAll(context);
    }

    // ---------------------------------------------------------------- completeness

    @Test
    void everyHandlerOfTheApplicationHasARow() {
        List<Row> rows = table();
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.opensupervision")
                    || entry.getKey().getPatternValues().contains("/error")) {
                continue;   // springdoc's /api-docs (public) and the error page: not access-controlled endpoints
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (rows.stream().noneMatch(row -> covers(row, method.name(), pattern))) {
                        missing.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(missing).as("handlers with no row in security/authorization-matrix.csv").isEmpty();
    }

    @Test
    void everyWritingEngineRestResourceHasARowOrAReasonToBeLeftOut() {
        List<Row> rows = table();
        Set<String> writes = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            collect(resource, "/engine-rest" + pathOf(resource), 0, writes);
        }
        assertThat(writes).as("writing resource methods found").hasSizeGreaterThan(300);
        System.out.println("[security-matrix] " + writes.size() + " writing /engine-rest resource methods");
        Set<String> missing = new TreeSet<>();
        for (String write : writes) {
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(write.indexOf(' ') + 1);
            if (rows.stream().noneMatch(row -> covers(row, method, path))) {
                missing.add(write);
            }
        }
        assertThat(missing).as("writing /engine-rest resources with no row in security/authorization-matrix.csv")
                .isEmpty();
    }

    private static final AntPathMatcher ANT = new AntPathMatcher();

    /** Whether a row stands for "METHOD path": its own method and path, or one of its covers patterns. */
    private static boolean covers(Row row, String method, String path) {
        String template = normalise(path);
        String own = row.path().contains("?") ? row.path().substring(0, row.path().indexOf('?')) : row.path();
        String rowMethod = row.method().replace("FORM-", "").replace("WEBAPP-", "");
        if (!row.excluded() && rowMethod.equals(method)
                && (normalise(own).equals(template) || ANT.match(path, own))) {
            return true;   // the row's path is the template, or a concrete path of it
        }
        for (String cover : row.covers()) {
            String[] parts = cover.contains(":") && !cover.startsWith("/") ? cover.split(":", 2)
                    : new String[] {"*", cover};
            boolean methodMatches = parts[0].equals("*") || Arrays.asList(parts[0].split(",")).contains(method);
            if (methodMatches && ANT.match(normalise(parts[1]), template)) {
                return true;
            }
        }
        return false;
    }

    /** Path variables written as {@code {}}, whatever their names, so rows and handlers compare. */
    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static void collect(Class<?> type, String base, int depth, Set<String> writes) {
        if (depth > 6) {
            return;
        }
        List<Class<?>> types = new ArrayList<>(List.of(type));
        types.addAll(List.of(type.getInterfaces()));
        for (Class<?> t : types) {
            for (Method m : t.getMethods()) {
                String path = base + clean(annotatedPath(m));
                String verb = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : m.isAnnotationPresent(GET.class) ? "GET"
                        : null;
                if (verb != null) {
                    if (!verb.equals("GET")) {
                        writes.add(verb + " " + path);
                    }
                } else if (m.isAnnotationPresent(Path.class)) {
                    collect(m.getReturnType(), path, depth + 1, writes);
                }
            }
        }
    }

    private static String pathOf(Class<?> resource) {
        for (Class<?> t = resource; t != null; t = t.getSuperclass()) {
            if (t.isAnnotationPresent(Path.class)) {
                return clean(annotatedPath(t));
            }
            for (Class<?> i : t.getInterfaces()) {
                if (i.isAnnotationPresent(Path.class)) {
                    return clean(annotatedPath(i));
                }
            }
        }
        return "";
    }

    private static String annotatedPath(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    private static String clean(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    // ---------------------------------------------------------------- the cells

    @TestFactory
    Stream<DynamicNode> everyCellOfTheTableAsItsRole() {
        List<DynamicNode> rows = new ArrayList<>();
        for (Row row : table()) {
            if (row.excluded()) {
                continue;
            }
            List<DynamicTest> cellTests = new ArrayList<>();
            row.cells().forEach((role, expected) -> {
                if (!expected.equals("-")) {
                    cellTests.add(DynamicTest.dynamicTest(role + " → " + expected, () -> fire(row, role, expected)));
                }
            });
            rows.add(DynamicContainer.dynamicContainer(row.id() + ": " + row.method() + " " + row.path(),
                    cellTests));
        }
        rows.add(DynamicTest.dynamicTest("figures", () -> System.out.println("[security-matrix] "
                + table().stream().filter(r -> !r.excluded()).count() + " rows, " + cells + " cells fired, "
                + table().stream().filter(Row::excluded).count() + " excluded families")));
        return rows.stream();
    }

    private void fire(Row row, String role, String expected) throws Exception {
        String user = USERS.get(role);
        // A cell expected to succeed changes its case: it gets a new one. A refused cell must change nothing, so it
        // is sent about the shared case (and if it did change it, the table says so by failing).
        Map<String, String> fresh = expected.equals("2xx") || expected.startsWith("20") || expected.equals("302")
                ? new HashMap<>() : null;
        String path = resolve(row.path(), user, fresh);
        String body = resolve(row.body(), user, fresh);
        HttpResponse<String> response = switch (row.method()) {
            case "LOGIN" -> webappLogin(path, user).response();
            case "WEBAPP-GET", "WEBAPP-PUT", "WEBAPP-POST", "WEBAPP-DELETE" ->
                    webapp(row.method().substring("WEBAPP-".length()), path, body, user);
            case "FORM-POST" -> formPost(path, body, user);
            default -> plain(row, role, path, body, user);
        };
        cells++;
        String what = row.id() + " as " + role + (user == null ? "" : " (" + user + ")") + ": " + row.method() + " "
                + path + " -> " + response.statusCode() + " " + abbreviate(response.body()) + "; claim: "
                + row.claim();
        if (expected.equals("2xx")) {
            assertThat(response.statusCode()).as(what).isBetween(200, 299);
        } else {
            assertThat(response.statusCode()).as(what).isEqualTo(Integer.parseInt(expected));
        }
    }

    private HttpResponse<String> plain(Row row, String role, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", row.surface().equals("pages") || path.startsWith("/staff") || !path.contains("/api")
                        && !path.startsWith("/engine-rest") ? "text/html" : "application/json");
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        if (role.equals("citizen")) {
            request.header("X-Access-Code", shared("accessCode"));
        }
        if (body.isEmpty()) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(row.method(),
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> formPost(String path, String body, String user) throws Exception {
        Session session = session(user);
        String form = (body.isEmpty() ? "" : body + "&") + "_csrf=" + session.csrf();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return session.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's session with the CSRF token of the login page (public), for form posts. */
    private record Session(HttpClient client, String csrf) {
    }

    private Session session(String user) throws Exception {
        String key = user == null ? "" : user;
        Session known = sessions.get(key);
        if (known != null) {
            return known;
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        Session session = new Session(client, token.group(1));
        sessions.put(key, session);
        return session;
    }

    private record WebappSession(HttpClient client, CookieManager cookies, HttpResponse<String> response) {

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second).map(c -> c.getValue()).orElse("");
        }
    }

    private WebappSession webappLogin(String app, String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/" + app + "/default/"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
        WebappSession session = new WebappSession(browser, cookies, null);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new WebappSession(browser, cookies, login);
    }

    private HttpResponse<String> webapp(String method, String path, String body, String user) throws Exception {
        WebappSession session = webappLogin(user.equals("evaluator") ? "cockpit" : "tasklist", user);
        // The login gives the session a new XSRF token, handed out with the next answer
        session.client().send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "application/json").header("X-XSRF-TOKEN", session.xsrf())
                .timeout(Duration.ofSeconds(60));
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return session.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- placeholders and fixtures

    private String resolve(String text, String user, Map<String, String> fresh) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "user" -> user == null ? "nobody" : user;
                case "unique" -> String.valueOf(unique.incrementAndGet());
                default -> !name.startsWith("fresh.") ? shared(name)
                        : fresh == null ? shared(SHARED_INSTEAD.get(name.substring(6)))
                        : freshValue(name.substring(6), fresh);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The GD-EDU and GD-AMR cases every read row is about, made once. */
    private String shared(String name) {
        if (shared.isEmpty()) {
            Map<String, String> edu = newComplaint("GD-EDU");
            shared.put("tn", edu.get("tn"));
            shared.put("accessCode", edu.get("accessCode"));
            shared.put("otherTn", newComplaint("GD-AMR").get("tn"));
            shared.put("task", cases.task(edu.get("tn"), Activity.FIRST_FEEDBACK).getId());
            shared.put("instance", cases.processInstanceId(edu.get("tn")));
            shared.put("job", cases.timers(edu.get("tn")).get(0).getId());
            shared.put("definition", repository.createProcessDefinitionQuery().processDefinitionKey(
                    "complaint-handling").latestVersion().singleResult().getId());
            shared.put("jobDefinition", management.createJobDefinitionQuery().processDefinitionKey(
                    "complaint-handling").list().get(0).getId());
            String[] approval = newApprovalCaseWithRedCard("GD-EDU", "GD-EDU-001");
            shared.put("approvalCase", approval[0]);
            shared.put("card", approval[1]);
            shared.put("otherApprovalCase", newApprovalCaseWithRedCard("GD-AMR", "GD-AMR-005")[0]);
            shared.put("publishedPeriod", PublishedPeriods.ensurePublished(evaluations, "2019-05", "matrix"));
        }
        String value = shared.get(name);
        assertThat(value).as("placeholder {" + name + "}").isNotNull();
        return value;
    }

    private String freshValue(String name, Map<String, String> fresh) {
        if (fresh.isEmpty()) {
            if (name.startsWith("card")) {
                String[] made = newApprovalCaseWithRedCard("GD-EDU", "GD-EDU-001");
                fresh.put("cardCase", made[0]);
                fresh.put("card", made[1]);
            } else {
                String tn = newComplaint("GD-EDU").get("tn");
                fresh.put("tn", tn);
                fresh.put("task", cases.task(tn, Activity.FIRST_FEEDBACK).getId());
                fresh.put("instance", cases.processInstanceId(tn));
                fresh.put("job", cases.timers(tn).get(0).getId());
            }
        }
        String value = fresh.get(name);
        assertThat(value).as("placeholder {fresh." + name + "}").isNotNull();
        return value;
    }

    private Map<String, String> newComplaint(String department) {
        try {
            HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/complaints"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"departmentCode\":\"" + department + "\","
                            + "\"category\":\"SLOW_ACTION\",\"title\":\"权限矩阵\",\"description\":\"矩阵测试。\","
                            + "\"anonymous\":true}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            JsonNode receipt = json.readTree(filed.body());
            String tn = receipt.get("trackingNumber").asText();
            cases.runDueJobs(tn);
            return Map.of("tn", tn, "accessCode", receipt.get("accessCode").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case refused without a reason: a red card at once. Returns its id and the card's. */
    private String[] newApprovalCaseWithRedCard(String department, String item) {
        try {
            String caseId = "MATRIX-" + unique.incrementAndGet();
            long card = ApprovalEvents.redCardOverHttp(http, base(), caseId, item, department, "2026-03-02");
            return new String[] {caseId, String.valueOf(card)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
