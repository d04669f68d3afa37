package org.opensupervision.audit.web;

import java.util.Locale;

import org.opensupervision.complaint.ComplaintAccess;
import org.springframework.security.core.Authentication;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.audit.CaseTimeline;
import org.opensupervision.audit.TimelineWording;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printable timeline of a case, for staff: in words by default ({@link TimelineWording}), the audit trail's own
 * entries with {@code ?view=raw} (for auditors, one click away on the page).
 */
@Controller
class TimelinePageController {

    private final CaseTimeline timeline;
    private final AuditTrail trail;
    private final ComplaintAccess access;
    private final TimelineWording wording;

    TimelinePageController(CaseTimeline timeline, AuditTrail trail, ComplaintAccess access,
                           TimelineWording wording) {
        this.timeline = timeline;
        this.trail = trail;
        this.access = access;
        this.wording = wording;
    }

    @GetMapping("/staff/complaints/{trackingNumber}/timeline")
    String page(@PathVariable String trackingNumber, @RequestParam(required = false) String view,
                Authentication login, Locale locale, Model model) {
        if (access.find(login, trackingNumber).isEmpty() || !timeline.exists(trackingNumber)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("trackingNumber", trackingNumber);
        var items = timeline.of(trackingNumber);
        boolean raw = "raw".equals(view);
        model.addAttribute("raw", raw);
        model.addAttribute("items", items);
        if (!raw) {
            model.addAttribute("lines", wording.of(items, locale));
        }
        model.addAttribute("verification", trail.verify(trackingNumber));
        return "staff/timeline";
    }
}
