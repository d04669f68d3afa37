package org.opensupervision.notification.web;

import org.opensupervision.notification.OutboundMailRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff read every mail the platform wrote; in the embedded default (no SMTP) this is where mail goes. */
@Controller
class MailOutboxController {

    private static final int PAGE_SIZE = 20;

    private final OutboundMailRepository mails;

    MailOutboxController(OutboundMailRepository mails) {
        this.mails = mails;
    }

    @GetMapping("/staff/mail")
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", mails.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(Math.max(page, 0),
                PAGE_SIZE)));
        return "staff/mail";
    }
}
