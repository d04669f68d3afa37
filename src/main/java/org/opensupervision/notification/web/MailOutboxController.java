package org.opensupervision.notification.web;

import java.util.NoSuchElementException;

import org.opensupervision.notification.Delivery;
import org.opensupervision.notification.MailDispatch;
import org.opensupervision.notification.OutboundMailRepository;
import org.opensupervision.privacy.ContactVisibility;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff read every mail the platform wrote; in the embedded default (no SMTP) this is where mail goes. With SMTP,
 * the page shows what is still waiting and what failed, and a failed mail can be sent again.
 */
@Controller
class MailOutboxController {

    private static final int PAGE_SIZE = 20;

    private final OutboundMailRepository mails;
    private final MailDispatch dispatch;
    private final ContactVisibility visibility;

    MailOutboxController(OutboundMailRepository mails, MailDispatch dispatch, ContactVisibility visibility) {
        this.mails = mails;
        this.dispatch = dispatch;
        this.visibility = visibility;
    }

    @GetMapping("/staff/mail")
    String outbox(@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
        // A complainant's address is contact data: only the supervision office sees it here.
        model.addAttribute("showComplainantAddresses", visibility.isSupervisionOffice(user));
        model.addAttribute("failedCount", dispatch.count(Delivery.FAILED));
        // Bounded so that page × size stays an int offset (a larger one was a 500): an empty last page instead.
        int bounded = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE - 1);
        model.addAttribute("page", mails.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(bounded, PAGE_SIZE)));
        return "staff/mail";
    }

    @PostMapping("/staff/mail/{id}/retry")
    String retry(@PathVariable long id) {
        try {
            // A mail already queued again (a second click) is left as it is.
            dispatch.retry(id);
        } catch (NoSuchElementException ex) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + id);
        }
        return "redirect:/staff/mail";
    }
}
