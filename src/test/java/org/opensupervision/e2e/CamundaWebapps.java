package org.opensupervision.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Tasklist, its Camunda Forms (form-js) and Cockpit as a person uses them. Locators are the webapps' own structure
 * (AngularJS templates, form-js classes) and Chinese words a person reads, not positions, so that translated labels
 * and restyled forms do not break them; where a locator waits for another part of issue 16, it says so.
 */
final class CamundaWebapps {

    private final Browser browser;
    private final String baseUrl;
    private final List<String> pending;

    CamundaWebapps(Browser browser, String baseUrl, List<String> pending) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.pending = pending;
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
        username.clear();
        username.sendKeys(user);
        WebElement secret = form.findElement(By.cssSelector("input[type='password']"));
        secret.clear();
        secret.sendKeys(password);
        form.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        if (!browser.url().contains("/camunda/app/tasklist")) {
            browser.await(d -> d.getCurrentUrl().contains("/login") ? null : true, "the login to complete");
            browser.open(tasklistUrl());
        }
        awaitTasklist();
    }

    /** Tasklist's filters shown; generous: its first load after a cold start takes a while on two busy cores. */
    void awaitTasklist() {
        browser.await(d -> d.findElements(By.cssSelector(".task-filter, .tasks-list")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), "Tasklist", Duration.ofMinutes(3));
    }

    /**
     * Opens the task of this complaint from the filter whose name holds one of {@code filterWords} (in that order of
     * preference; the filter in focus otherwise): the card that shows the tracking number (filter variables), else,
     * while the task cards do not show it yet, a card named {@code taskName} whose form shows the tracking number.
     */
    void openTask(String trackingNumber, String taskName, List<String> filterWords) {
        browser.open(tasklistUrl());
        awaitTasklist();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            focusFilter(filterWords);
            Optional<WebElement> card = cards().stream()
                    .filter(c -> c.getText().contains(trackingNumber)).findFirst();
            if (card.isEmpty()) {
                List<WebElement> named = cards().stream().filter(c -> c.getText().contains(taskName)).toList();
                if (!named.isEmpty()) {
                    note("Tasklist task cards do not show the tracking number (filter variables, h-x2): the task "
                            + "was found by its name \"" + taskName + "\" and checked on its form");
                    card = Optional.of(named.get(0));
                }
            }
            if (card.isPresent()) {
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
        throw new AssertionError("No task " + taskName + " of " + trackingNumber + " in Tasklist");
    }

    private void focusFilter(List<String> filterWords) {
        browser.find(By.cssSelector(".task-filter"));
        List<WebElement> filters = browser.all(By.cssSelector(".task-filter"));
        for (String word : filterWords) {
            for (WebElement filter : filters) {
                if (filter.findElement(By.cssSelector("h4.name")).getText().contains(word)) {
                    if (!filter.getAttribute("class").contains("active")) {
                        filter.findElement(By.cssSelector("h4.name a")).click();
                    }
                    Browser.pause(Duration.ofMillis(1500));
                    return;
                }
            }
        }
        note("Tasklist has no filter named with any of " + filterWords + " (filters per role, h-x2): the filter in "
                + "focus was used");
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

    /**
     * Chooses the new department of a redirect: from the select (a list fed from a variable, h-x2) by the
     * department's name; while the form still has a text field for the code, by typing the code.
     */
    void chooseRedirectDepartment(String departmentName, String departmentCode) {
        Browser.pause(Duration.ofMillis(500));
        Optional<WebElement> select = browser.all(By.cssSelector(".fjs-form-field-select")).stream()
                .filter(WebElement::isDisplayed).findFirst();
        if (select.isPresent()) {
            WebElement group = select.get().findElement(By.cssSelector(".fjs-input-group"));
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
            new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(item).click().perform();
            browser.await(d -> select.get().getText().contains(departmentName)
                    || select.get().findElements(By.cssSelector("input")).stream()
                    .anyMatch(i -> departmentName.equals(i.getAttribute("value"))) ? Boolean.TRUE : null,
                    "the chosen department shown");
            return;
        }
        note("The triage form has no department list (select fed from a variable, h-x2): the department code was "
                + "typed");
        WebElement field = browser.await(d -> d.findElements(By.cssSelector(".fjs-form-field-textfield")).stream()
                .filter(f -> f.isDisplayed() && f.getText().contains("转办"))
                .flatMap(f -> f.findElements(By.tagName("input")).stream())
                .filter(WebElement::isEnabled).findFirst().orElse(null), "the field for the new department");
        browser.scrollTo(field);
        field.sendKeys(departmentCode);
    }

    /**
     * On Cockpit's start page, the supervision overview (监察总览, the project's Cockpit plugin): opened when it is a
     * link (a menu entry or a tile), then its link to this process instance; empty when Cockpit has neither.
     */
    Optional<WebElement> supervisionOverviewLinkTo(String processInstanceId) {
        By overview = By.xpath("//*[contains(normalize-space(text()), '监察总览')]");
        By instance = By.cssSelector("a[href*='process-instance/" + processInstanceId + "']");
        boolean opened = false;
        for (int i = 0; i < 120; i++) {
            Optional<WebElement> link = browser.all(instance).stream().filter(WebElement::isDisplayed).findFirst();
            if (link.isPresent()) {
                return link;
            }
            if (!opened && i >= 10) {
                Optional<WebElement> entry = browser.all(overview).stream().filter(WebElement::isDisplayed)
                        .map(e -> e.getTagName().equals("a") ? e
                                : e.findElements(By.xpath("ancestor::a")).stream().findFirst().orElse(null))
                        .filter(java.util.Objects::nonNull).findFirst();
                if (entry.isPresent()) {
                    entry.get().click();
                    opened = true;
                }
            }
            if (i == 40 && !opened && !browser.present(overview)) {
                return Optional.empty();
            }
            Browser.pause(Duration.ofMillis(500));
        }
        return Optional.empty();
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

    void note(String todo) {
        if (!pending.contains(todo)) {
            pending.add(todo);
            System.out.println("[e2e] PENDING " + todo);
        }
    }
}
