package org.opensupervision.audit.web;

import org.opensupervision.complaint.ComplaintAccess;
import org.springframework.security.core.Authentication;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.audit.CaseTimeline;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The printable timeline of a case, for staff. */
@Controller
class TimelinePageController {

    private final CaseTimeline timeline;
    private final AuditTrail trail;
    private final ComplaintAccess access;

    TimelinePageController(CaseTimeline timeline, AuditTrail trail, ComplaintAccess access) {
        this.timeline = timeline;
        this.trail = trail;
        this.access = access;
    }

    @GetMapping("/staff/complaints/{trackingNumber}/timeline")
    String page(@PathVariable String trackingNumber, Authentication login, Model model) {
        if (access.find(login, trackingNumber).isEmpty() || !timeline.exists(trackingNumber)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("trackingNumber", trackingNumber);
        model.addAttribute("items", timeline.of(trackingNumber));
        model.addAttribute("verification", trail.verify(trackingNumber));
        return "staff/timeline";
    }
}
