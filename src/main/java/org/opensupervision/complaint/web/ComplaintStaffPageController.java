package org.opensupervision.complaint.web;

import java.time.Clock;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ApprovalCaseLookup;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintAccess;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.privacy.ComplainantContacts;
import org.opensupervision.privacy.ContactVisibility;
import org.opensupervision.privacy.StaffContact;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The staff pages over the complaint list and one complaint's file. */
@Controller
class ComplaintStaffPageController {

    private final ComplaintRecords records;
    private final ComplaintAccess scoped;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final ComplainantContacts contacts;
    private final Clock clock;
    private final ObjectProvider<ApprovalCaseLookup> approvalCases;

    ComplaintStaffPageController(ComplaintRecords records, ComplaintAccess scoped, DepartmentDirectory departments,
                                 WorkingDayCalendar calendar, ComplainantContacts contacts, Clock clock,
                                 ObjectProvider<ApprovalCaseLookup> approvalCases) {
        this.approvalCases = approvalCases;
        this.records = records;
        this.scoped = scoped;
        this.contacts = contacts;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/staff/complaints")
    String list(ComplaintListRequest request, Authentication login, Model model) {
        model.addAttribute("page", scoped.search(login, request.query(calendar.zone()), request.pageable()));
        model.addAttribute("filter", request);
        model.addAttribute("departments", departments.all());
        model.addAttribute("departmentsByCode", departments.all().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.code(), d -> d)));
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("now", clock.instant());
        var scope = scoped.scopeOf(login);
        model.addAttribute("dashboards", scope.everything() ? java.util.List.of() : scope.departmentCodes());
        return "staff/complaints";
    }

    @GetMapping("/staff/complaints/{trackingNumber}")
    String one(@PathVariable String trackingNumber, Authentication login, Model model) {
        var complaint = scoped.find(login, trackingNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("c", complaint);
        // Complainant privacy: the supervision office, or a reveal of this case (the view is audited).
        StaffContact contact = contacts.forStaff(login, trackingNumber, ContactVisibility.Channel.PAGE);
        model.addAttribute("contact", contact.shown());
        model.addAttribute("contactVisible", contact.visible());
        model.addAttribute("breaches", records.breachesOf(trackingNumber));
        model.addAttribute("concerned", departments.get(complaint.departmentCode()));
        model.addAttribute("handling", departments.find(complaint.handlingDepartmentCode()).orElse(null));
        model.addAttribute("now", clock.instant());
        ApprovalCaseLookup lookup = approvalCases.getIfAvailable();
        model.addAttribute("approvalCase", lookup == null ? null
                : lookup.find(complaint.approvalCaseNumber(), login).orElse(null));
        return "staff/complaint";
    }
}
