package org.opensupervision.intake.web;

import java.util.UUID;

import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.intake.ComplaintIntake;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.intake.IntakeReceipt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public complaint page: the same validation and intake as the JSON API, errors shown next to each field. */
@Controller
class ComplaintFormController {

    private final ComplaintIntake intake;
    private final DepartmentDirectory departments;

    ComplaintFormController(ComplaintIntake intake, DepartmentDirectory departments) {
        this.intake = intake;
        this.departments = departments;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/complaints/new";
    }

    @GetMapping("/complaints/new")
    String form(Model model) {
        model.addAttribute("complaint", new ComplaintSubmission());
        model.addAttribute("submissionToken", UUID.randomUUID().toString());
        return formView(model);
    }

    @PostMapping("/complaints")
    String submit(@ModelAttribute("complaint") ComplaintSubmission submission, BindingResult binding,
                  @RequestParam(required = false) String submissionToken, Model model) {
        intake.validate(submission).getFieldErrors().forEach(binding::addError);
        if (binding.hasErrors()) {
            model.addAttribute("submissionToken", submissionToken);
            return formView(model);
        }
        // The token of the rendered form is the idempotency key: a double click files one complaint.
        IntakeReceipt receipt = intake.submit(submission, IdempotencyKeys.check(
                submissionToken == null ? null : "form-" + submissionToken));
        model.addAttribute("receipt", receipt);
        return "complaints/received";
    }

    private String formView(Model model) {
        model.addAttribute("departments", departments.all());
        model.addAttribute("categories", ComplaintCategory.values());
        return "complaints/new";
    }
}
