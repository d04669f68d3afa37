package org.opensupervision.approval.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.opensupervision.access.StaffScope;
import org.opensupervision.approval.ApprovalCaseQuery;
import org.opensupervision.approval.ApprovalCases;
import org.opensupervision.approval.ApprovalCatalogue;
import org.opensupervision.approval.ApprovalDashboard;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.approval.CardColour;
import org.opensupervision.approval.CardContestRejected;
import org.opensupervision.approval.CardContests;
import org.opensupervision.approval.CaseStatus;
import org.opensupervision.approval.CatalogueCsv;
import org.opensupervision.approval.CatalogueRejected;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff pages of approval-case supervision: the live view, the case list, one case as a timeline (with the
 * contest of a card) and the catalogue with its CSV upload. Scoped as the API ({@link ApprovalAccess}): outside the
 * reader's departments a page is a 404.
 */
@Controller
class ApprovalPageController {

    private static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 10_000;
    /** The stages an open case can be in, in the order of the lifecycle: the columns of the live view. */
    private static final List<CaseStatus> OPEN_STAGES = List.of(CaseStatus.values()).stream()
            .filter(CaseStatus::isOpen).toList();

    private final ApprovalCases cases;
    private final CardContests contests;
    private final ApprovalCatalogue catalogue;
    private final ApprovalAccess access;
    private final DepartmentDirectory departments;

    ApprovalPageController(ApprovalCases cases, CardContests contests, ApprovalCatalogue catalogue,
                           ApprovalAccess access, DepartmentDirectory departments) {
        this.cases = cases;
        this.contests = contests;
        this.catalogue = catalogue;
        this.access = access;
        this.departments = departments;
    }

    /** One line of the live view: the province (code null) or a department. */
    record LiveRow(String departmentCode, String name, ApprovalDashboard figures) {
    }

    @GetMapping("/staff/approval")
    String live(@RequestParam(required = false) String department, Authentication login, Locale locale,
                Model model) {
        String dept = blankToNull(department);
        Set<String> readable = access.readable(login);
        List<LiveRow> rows = new ArrayList<>();
        if (dept != null) {
            // An unknown department is not found, as one the login may not read (it was a 500 for the offices)
            if (departments.find(dept).isEmpty() || !access.mayRead(login, dept)) {
                throw notFound();
            }
            rows.add(row(departments.get(dept), locale));
        } else {
            if (readable != null && readable.isEmpty()) {
                throw notFound();
            }
            if (readable == null) {
                rows.add(new LiveRow(null, null, cases.dashboard(null)));
            }
            departments.all().stream().filter(d -> readable == null || readable.contains(d.code()))
                    .forEach(d -> rows.add(row(d, locale)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("stages", OPEN_STAGES);
        model.addAttribute("month", rows.get(0).figures().month());
        model.addAttribute("target", rows.get(0).figures().fullyOnlineTarget());
        model.addAttribute("department", dept == null ? null : departments.get(dept));
        return "staff/approval";
    }

    private LiveRow row(Department d, Locale locale) {
        return new LiveRow(d.code(), d.name(locale), cases.dashboard(d.code()));
    }

    /** The filters of the case list, as given (blank ones null). */
    record CaseFilter(String department, String card, Boolean overdue, String status) {
    }

    @GetMapping("/staff/approval-cases")
    String list(@RequestParam(required = false) String department, @RequestParam(required = false) String card,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Authentication login, Model model) {
        CaseFilter filter = new CaseFilter(blankToNull(department), blankToNull(card), overdue, blankToNull(status));
        CardColour colour = parse(CardColour.class, filter.card());
        CaseStatus caseStatus = parse(CaseStatus.class, filter.status());
        if (filter.card() != null && colour == null || filter.status() != null && caseStatus == null
                || page < 0 || page > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (filter.department() != null && !access.mayRead(login, filter.department())) {
            throw notFound();
        }
        Set<String> readable = access.readable(login);
        model.addAttribute("page", cases.list(new ApprovalCaseQuery(filter.department(), colour,
                Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, caseStatus, page, PAGE_SIZE), readable));
        model.addAttribute("filter", filter);
        model.addAttribute("departments", departments.all().stream()
                .filter(d -> readable == null || readable.contains(d.code())).toList());
        model.addAttribute("departmentsByCode", byCode());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("colours", CardColour.values());
        return "staff/approval-cases";
    }

    @GetMapping("/staff/approval-cases/{caseId}")
    String one(@PathVariable String caseId, Authentication login, Model model) {
        var view = cases.departmentOf(caseId).filter(d -> access.mayRead(login, d)).flatMap(d -> cases.find(caseId))
                .orElseThrow(ApprovalPageController::notFound);
        model.addAttribute("c", view);
        model.addAttribute("department", departments.get(view.departmentCode()));
        model.addAttribute("mayContest", access.handlesDepartment(login, view.departmentCode()));
        return "staff/approval-case";
    }

    @PostMapping("/staff/approval-cases/{caseId}/cards/{cardId}/contest")
    String contest(@PathVariable String caseId, @PathVariable long cardId,
                   @RequestParam(required = false) String reason, Authentication login,
                   RedirectAttributes redirect) {
        String department = cases.departmentOf(caseId).filter(d -> access.mayRead(login, d))
                .orElseThrow(ApprovalPageController::notFound);
        if (!access.handlesDepartment(login, department)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            contests.contest(caseId, cardId, reason, login.getName());
            redirect.addFlashAttribute("contested", cardId);
        } catch (CardContestRejected rejected) {
            switch (rejected.reason()) {
                case NOT_FOUND -> throw notFound();
                case ALREADY_CONTESTED -> redirect.addFlashAttribute("contestError", "approval.contest.already");
                default -> redirect.addFlashAttribute("contestError", "approval.contest.reasonRequired");
            }
            redirect.addFlashAttribute("contestCard", cardId);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/staff/approval-cases/{id}").buildAndExpand(caseId)
                .encode().toUriString();
    }

    @GetMapping("/staff/approval-items")
    String items(@RequestParam(required = false) String department, @RequestParam(required = false) String item,
                 Authentication login, Model model) {
        String dept = blankToNull(department);
        if (dept != null && departments.find(dept).isEmpty()) {
            throw notFound();
        }
        showCatalogue(dept, blankToNull(item), login, model);
        return "staff/approval-items";
    }

    /**
     * Loads a catalogue file, or text pasted into the form; all or nothing. Multipart is on for this form only in
     * effect: every other body stays under the 64 KB limit before any part is read (see docs/architecture.md).
     */
    @PostMapping("/staff/approval-items")
    String load(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String csv,
                Authentication login, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : csv == null ? "" : csv;
        try {
            var created = catalogue.load(CatalogueCsv.parse(text), 2, login.getName());
            redirect.addFlashAttribute("loaded", created.size());
            return "redirect:/staff/approval-items";
        } catch (CatalogueRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", rejected.errors());
            model.addAttribute("csv", file != null && !file.isEmpty() ? null : csv);
            showCatalogue(null, null, login, model);
            return "staff/approval-items";
        }
    }

    private void showCatalogue(String dept, String item, Authentication login, Model model) {
        Map<String, List<ApprovalItem>> byDepartment = new LinkedHashMap<>();
        for (ApprovalItem i : catalogue.items(dept)) {
            byDepartment.computeIfAbsent(i.departmentCode(), k -> new ArrayList<>()).add(i);
        }
        model.addAttribute("itemsByDepartment", byDepartment);
        model.addAttribute("departmentsByCode", byCode());
        model.addAttribute("departments", departments.all());
        model.addAttribute("department", dept);
        model.addAttribute("item", item);
        model.addAttribute("versions", item == null ? List.of() : catalogue.versions(item));
        model.addAttribute("mayLoad", StaffScope.of(login, departments).office());
    }

    private Map<String, Department> byCode() {
        Map<String, Department> map = new LinkedHashMap<>();
        departments.all().forEach(d -> map.put(d.code(), d));
        return map;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
