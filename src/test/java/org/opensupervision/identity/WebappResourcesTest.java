package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensupervision.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webapps' configuration and Chinese labels are this project's, as the running application serves them under
 * /camunda: the files in src/main/resources/META-INF/resources/webjars/camunda/app override the webjar's because the
 * application's own files come first on the class path: target/classes here and under spring-boot:run; in the packaged
 * jar the repackager leaves META-INF/ at the jar's root, which the launcher's parent class loader reads before the
 * webjar in BOOT-INF/lib (checked by hand with java -jar, issue 16). And the premise of hiding "发起流程": a
 * department handler may start nothing, an administrator may.
 */
class WebappResourcesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String ours(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(WebappResourcesTest.class.getClassLoader()
                .getResourceAsStream(WebappLocalesTest.APP + resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void eachWebappIsConfiguredChineseFirstWithoutTheCamunda8Banner(String app) throws Exception {
        HttpResponse<String> config = get(http, "/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).isEqualTo(ours(app + "/scripts/config.js"))
                .contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'", "vendor: '效能监察'");

        HttpResponse<String> styles = get(http, "/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).contains(".ce-eol-banner {\n  display: none !important;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void theChineseLabelsAreServed(String app) throws Exception {
        HttpResponse<String> zh = get(http, "/camunda/app/" + app + "/locales/zh.json");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).isEqualTo(ours(app + "/locales/zh.json"));
        assertThat(new ObjectMapper().readTree(zh.body()).at("/labels/SIGN_OUT_ACTION").asText()).isEqualTo("退出登录");
        // English stays selectable: the webjar's file is still there.
        assertThat(get(http, "/camunda/app/" + app + "/locales/en.json").body()).contains("\"SIGN_OUT_ACTION\": \"Log out\"");
    }

    @Test
    void tasklistHidesCreateTaskAndLoadsTheStartProcessCheck() throws Exception {
        assertThat(get(http, "/camunda/app/tasklist/locales/zh.json").body()).contains("\"CLAIM_TASK\": \"认领\"");
        assertThat(get(http, "/camunda/app/tasklist/scripts/config.js").body())
                .contains("customScripts: ['scripts/start-process-visibility']").doesNotContain("startProcess:");
        assertThat(get(http, "/camunda/app/tasklist/styles/user-styles.css").body())
                .contains("li.create-task-action {\n  display: none !important;",
                        "html:not(.os-can-start-process) li.start-process-action {\n  display: none !important;");
        HttpResponse<String> script = get(http, "/camunda/app/tasklist/scripts/start-process-visibility.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(script.body()).contains("engine/default/process-definition/count",
                "startableInTasklist=true&startablePermissionCheck=true", "os-can-start-process");
    }

    /** The query the Tasklist script sends, with a Tasklist session as the browser has it. */
    private long startableCount(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
                .build();
        get(browser, "/camunda/app/tasklist/default/");
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login of " + user).isEqualTo(200);
        HttpResponse<String> count = get(browser, "/camunda/api/engine/engine/default/process-definition/count"
                + "?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true");
        assertThat(count.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(count.body());
        return body.get("count").asLong();
    }

    @Test
    void aDepartmentHandlerHasNothingToStartAnAdministratorHas() throws Exception {
        assertThat(startableCount("handler-gd-amr")).isZero();
        assertThat(startableCount("demo")).isPositive();
    }
}
