package org.opensupervision.discipline.web;

import java.security.Principal;

import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.ReferralDossier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The disciplinary cases and their referral dossiers. The complainant's identity is sealed; unsealing it needs a
 * reason, is recorded with the user's name, and shows the identity in that one response only.
 */
@Controller
class DisciplineController {

    private final DisciplinaryCases cases;

    DisciplineController(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @GetMapping("/staff/discipline")
    String list(Model model) {
        model.addAttribute("cases", cases.all());
        return "staff/discipline";
    }

    @GetMapping("/staff/discipline/{caseId}")
    String dossier(@PathVariable Long caseId, Model model) {
        model.addAttribute("dossier", cases.dossier(existing(caseId)));
        return "staff/dossier";
    }

    @PostMapping("/staff/discipline/{caseId}/unseal")
    String unseal(@PathVariable Long caseId, @RequestParam(defaultValue = "") String reason, Principal user,
                  Model model) {
        existing(caseId);
        if (reason.isBlank() || reason.strip().length() > DisciplinaryCases.UNSEAL_REASON_MAX_LENGTH) {
            // Nothing is unsealed or recorded: the page again, with what is wrong with the reason.
            model.addAttribute("dossier", cases.dossier(caseId));
            model.addAttribute(reason.isBlank() ? "reasonMissing" : "reasonTooLong", true);
            model.addAttribute("reasonMaxLength", String.valueOf(DisciplinaryCases.UNSEAL_REASON_MAX_LENGTH));
            return "staff/dossier";
        }
        ReferralDossier dossier = cases.unseal(caseId, user.getName(), reason);
        model.addAttribute("dossier", dossier);
        return "staff/dossier";
    }

    private Long existing(Long caseId) {
        if (cases.find(caseId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return caseId;
    }
}
