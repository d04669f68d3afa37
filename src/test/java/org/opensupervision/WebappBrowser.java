package org.opensupervision;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser logged in to a Camunda webapp (Tasklist, Cockpit) as a person does it: the app's page first (the XSRF
 * cookie), the webapps' login with the token, then the session's new token from the next answer. The same steps as
 * the webapp cells of {@code SecurityMatrixTest}.
 */
public final class WebappBrowser {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private int loginStatus;

    private WebappBrowser(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A browser with no login (the webapps answer its API calls 401). */
    public static WebappBrowser anonymous(String base) {
        return new WebappBrowser(base);
    }

    /** A browser logged in to {@code app} as {@code user} (the demo users' password is their id). */
    public static WebappBrowser loggedIn(String base, String app, String user) throws Exception {
        WebappBrowser browser = new WebappBrowser(base);
        browser.get("/camunda/app/" + app + "/default/", "text/html");
        HttpResponse<String> login = browser.client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", browser.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        browser.loginStatus = login.statusCode();
        browser.get("/camunda/api/admin/auth/user/default", "application/json");
        return browser;
    }

    /** The status of the webapps' login (200, or 403 for a user without access to the app). */
    public int loginStatus() {
        return loginStatus;
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .header("X-XSRF-TOKEN", xsrf()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second).map(c -> c.getValue()).orElse("");
    }
}
