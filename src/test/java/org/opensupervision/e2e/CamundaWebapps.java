package org.opensupervision.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Tasklist, its Camunda Forms (form-js) and Cockpit as a person uses them. Locators are the webapps' own structure
 * (AngularJS templates, form-js classes) and Chinese words a person reads, not positions, so that translated labels
 * and restyled forms do not break them. Every feature of issue 16 a step relies on must be there, or the step fails.
 */
final class CamundaWebapps {

    private final Browser browser;
    private final String baseUrl;

    CamundaWebapps(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    String tasklistUrl() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

    String cockpitUrl() {
        return baseUrl + "/camunda/app/cockpit/default/";
    }

    /**
     * Logs in on the embedded identity: Camunda's own login form of the webapps, or the application's staff login
     * page if opening Tasklist leads there (a styled login page, issue 16).
     */
    void logInWithCamundaForm(String user, String password) {
        browser.open(tasklistUrl());
        By camunda = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
        By staff = By.cssSelector("form input#username");
        WebElement username = browser.await(d -> d.findElements(camunda).stream().filter(WebElement::isDisplayed)
                .findFirst().or(() -> d.findElements(staff).stream().filter(WebElement::isDisplayed).findFirst())
                .orElse(null), "a login form", Duration.ofMinutes(3));
        WebElement form = username.findElement(By.xpath("ancestor::form"));
        WebElement secret = form.findElement(By.cssSelector("input[type='password']"));
        // Camunda's login page may still be settling (seen once in CI: the password went into the user field); type
        // again until both fields hold what was typed.
        for (int attempt = 1; !(typed(username, user) && typed(secret, password)); attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("The login form did not take the user name and password");
            }
            Browser.pause(Duration.ofMillis(500));
        }
        form.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        if (!browser.url().contains("/camunda/app/tasklist")) {
            browser.await(d -> d.getCurrentUrl().contains("/login") ? null : true, "the login to complete");
            browser.open(tasklistUrl());
        }
        awaitTasklist();
    }

    private static boolean typed(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
        return text.equals(field.getDomProperty("value"));
    }

    /** Tasklist's filters shown; generous: its first load after a cold start takes a while on two busy cores. */
    void awaitTasklist() {
        browser.await(d -> d.findElements(By.cssSelector(".task-filter, .tasks-list")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "Tasklist", Duration.ofMinutes(3));
    }

    /** Tasklist opens on this filter (the role's own list comes first). */
    void assertDefaultFilter(String filterName) {
        browser.open(tasklistUrl());
        awaitTasklist();
        String active = browser.await(d -> d.findElements(By.cssSelector(".task-filter.active h4.name")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElse(null),
                "the filter in focus");
        if (!active.contains(filterName)) {
            browser.screenshot("wrong-default-filter");
            throw new AssertionError("Tasklist opened on the filter \"" + active + "\", not \"" + filterName + "\"");
        }
    }

    /**
     * Opens the task of this complaint from the filter named {@code filterName}: the card that shows the tracking
     * number (受理编号), which must also show the title and the department (the filter's variables).
     */
    void openTask(String trackingNumber, String filterName, String title, String departmentName) {
        browser.open(tasklistUrl());
        awaitTasklist();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            focusFilter(filterName);
            Optional<WebElement> card = cards().stream()
                    .filter(c -> c.getText().contains(trackingNumber)).findFirst();
            if (card.isPresent()) {
                // Tasklist shows a card's first two variables and the others behind its chevron: read them all.
                String text = (String) ((JavascriptExecutor) browser.driver())
                        .executeScript("return arguments[0].textContent;", card.get());
                if (!card.get().getText().contains("受理编号") || !text.contains(title)
                        || !text.contains(departmentName)) {
                    browser.screenshot("task-card");
                    throw new AssertionError("The task card of " + trackingNumber + " does not show 受理编号, title "
                            + "and department: " + text);
                }
                WebElement link = card.get().findElement(By.cssSelector("h4.task a"));
                browser.scrollTo(link);
                link.click();
                awaitFormShowing(trackingNumber);
                return;
            }
            Browser.pause(Duration.ofSeconds(2));
            browser.driver().navigate().refresh();
            awaitTasklist();
        }
        browser.screenshot("task-not-found");
        throw new AssertionError("No task card of " + trackingNumber + " in the filter " + filterName);
    }

    private void focusFilter(String filterName) {
        WebElement filter = browser.await(d -> d.findElements(By.cssSelector(".task-filter")).stream()
                .filter(f -> f.findElement(By.cssSelector("h4.name")).getText().contains(filterName))
                .findFirst().orElse(null), "the Tasklist filter " + filterName);
        if (!filter.getAttribute("class").contains("active")) {
            filter.findElement(By.cssSelector("h4.name a")).click();
        }
        Browser.pause(Duration.ofMillis(1500));
    }

    private List<WebElement> cards() {
        return browser.all(By.cssSelector("ol.tasks-list li.task"));
    }

    /** Waits until the open task's form shows this tracking number in one of its fields. */
    void awaitFormShowing(String trackingNumber) {
        browser.await(d -> ((Boolean) ((JavascriptExecutor) d).executeScript("""
                const fields = document.querySelectorAll('.fjs-form input, .fjs-form textarea');
                return Array.from(fields).some(f => (f.value || '').includes(arguments[0]))
                    || (document.querySelector('.fjs-form')?.innerText || '').includes(arguments[0]);""",
                trackingNumber)) ? Boolean.TRUE : null, "the task form of " + trackingNumber);
    }

    /** Everything the open form shows: its text and the values of its fields. */
    String formContent() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.querySelector('.fjs-form');
                const values = Array.from(form.querySelectorAll('input, textarea')).map(f => f.value || '');
                return form.innerText + '\\n' + values.join('\\n');""");
    }

    /** Claims the task when Tasklist asks for it (the form is read-only until then). */
    void claimIfOffered() {
        if (browser.present(By.cssSelector("button.claim"))) {
            browser.click(By.cssSelector("button.claim"));
            browser.await(d -> browser.present(By.cssSelector("button.claim")) ? null : Boolean.TRUE,
                    "the claim to take effect");
        }
    }

    /** Types into the editable text area of the field whose label holds {@code labelWord}. */
    void fillTextArea(String labelWord, String text) {
        WebElement area = browser.await(d -> d.findElements(By.cssSelector(".fjs-form-field-textarea")).stream()
                .filter(f -> f.findElements(By.tagName("label")).stream()
                        .anyMatch(l -> l.getText().contains(labelWord) && !l.getText().contains("期限")))
                .flatMap(f -> f.findElements(By.tagName("textarea")).stream())
                .filter(t -> t.isDisplayed() && t.isEnabled() && t.getAttribute("readonly") == null)
                .findFirst().orElse(null), "an editable text area labelled " + labelWord);
        browser.scrollTo(area);
        area.click();
        area.sendKeys(text);
    }

    /** Picks the radio option whose label holds {@code optionWord}. */
    void chooseRadio(String optionWord) {
        WebElement option = browser.await(d -> d.findElements(
                        By.cssSelector(".fjs-form-field-radio label")).stream()
                .filter(l -> l.isDisplayed() && l.getText().contains(optionWord)).findFirst().orElse(null),
                "a radio option " + optionWord);
        browser.scrollTo(option);
        option.click();
    }

    /** Chooses the new department of a redirect from the form's select (the directory's departments) by its name. */
    void chooseRedirectDepartment(String departmentName) {
        WebElement select = browser.find(By.cssSelector(".fjs-form-field-select"));
        WebElement group = select.findElement(By.cssSelector(".fjs-input-group"));
        browser.scrollTo(group);
        List<WebElement> search = group.findElements(By.cssSelector("input.fjs-input"));
        if (!search.isEmpty()) {
            search.get(0).click();
            search.get(0).sendKeys(departmentName);
        } else {
            group.click();
        }
        WebElement item = browser.await(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().contains(departmentName)).findFirst().orElse(null),
                "the department " + departmentName + " in the list");
        // form-js takes the choice on mousedown.
        new Actions(browser.driver()).moveToElement(item).click().perform();
        browser.await(d -> select.getText().contains(departmentName)
                || select.findElements(By.cssSelector("input")).stream()
                .anyMatch(i -> departmentName.equals(i.getAttribute("value"))) ? Boolean.TRUE : null,
                "the chosen department shown");
    }

    /**
     * From Cockpit's dashboard: its 监察总览 entry (the project's Cockpit plugin) opens the overview page, which is
     * screenshot once it lists this instance (in the row of its department); then its 流程实例 link is followed.
     */
    void followSupervisionOverviewTo(String processInstanceId, String departmentName) {
        WebElement entry = browser.await(d -> d.findElements(By.xpath("//a[contains(normalize-space(.), '监察总览')]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null),
                "a link 监察总览 on Cockpit's dashboard", Duration.ofMinutes(2));
        entry.click();
        browser.await(d -> d.getCurrentUrl().contains("#/supervision-overview") ? true : null, "the overview page");
        WebElement link = browser.await(d -> d.findElements(By.xpath(
                        "//section[contains(@class,'supervision-overview')]//tr[contains(., '" + departmentName + "')]"
                        + "//a[normalize-space(.)='流程实例']")).stream()
                .filter(l -> l.getAttribute("href").contains("/process-instance/" + processInstanceId + "/"))
                .findFirst().orElse(null), "the 流程实例 link of " + processInstanceId + " on 监察总览");
        browser.scrollToTop();
        browser.screenshot("cockpit-dashboard");
        browser.scrollTo(link);
        link.click();
    }

    /** Tasklist's complete button. */
    void complete() {
        browser.click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** The error notices Tasklist shows (none expected). */
    List<String> errorNotices() {
        return browser.all(By.cssSelector(".notifications .alert-danger, .alert-danger")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }
}
