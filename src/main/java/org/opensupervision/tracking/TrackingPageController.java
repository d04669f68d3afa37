package org.opensupervision.tracking;

import java.util.HashMap;
import java.util.Map;

import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProperties;
import org.opensupervision.rating.RatingRejectedException;
import org.opensupervision.rating.RatingSubmission;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public pages: {@code /track} (tracking number + access code; POST, so the code stays out of URLs and logs)
 * with the rating form when a round is open, and {@code /rate/{token}} for the link in the mail.
 */
@Controller
class TrackingPageController {

    private final PublicTracking tracking;
    private final CitizenTimeline timeline;
    private final CitizenRatings ratings;

    TrackingPageController(PublicTracking tracking, CitizenTimeline timeline, CitizenRatings ratings) {
        this.tracking = tracking;
        this.timeline = timeline;
        this.ratings = ratings;
    }

    @GetMapping("/track")
    String form() {
        return "track";
    }

    @PostMapping("/track")
    String track(@RequestParam String trackingNumber, @RequestParam String accessCode, HttpServletRequest request,
                 Model model) {
        return show(tracking.lookup(trackingNumber, accessCode, request.getRemoteAddr()), accessCode, model);
    }

    @PostMapping("/track/rating")
    String rate(@RequestParam String trackingNumber, @RequestParam String accessCode,
                @RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        PublicTracking.Lookup lookup = tracking.lookup(trackingNumber, accessCode, request.getRemoteAddr());
        if (lookup instanceof PublicTracking.Lookup.Found found) {
            try {
                ratings.submitAsComplainant(found.complaint().trackingNumber(), submission(form));
                model.addAttribute("rated", true);
            } catch (RatingRejectedException ex) {
                model.addAttribute("ratingError", ex.reason().name());
            }
        }
        return show(lookup, accessCode, model);
    }

    @GetMapping("/rate/{token}")
    String linkForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("linkRound", ratings.roundOfLink(token).orElse(null));
        model.addAttribute("questions", ratings.questions());
        return "rate";
    }

    @PostMapping("/rate/{token}")
    String rateWithLink(@PathVariable String token, @RequestParam Map<String, String> form, Model model) {
        try {
            ratings.submitWithLink(token, submission(form));
            model.addAttribute("rated", true);
        } catch (RatingRejectedException ex) {
            model.addAttribute("ratingError", ex.reason().name());
            model.addAttribute("linkRound", ratings.roundOfLink(token).orElse(null));
        }
        model.addAttribute("token", token);
        model.addAttribute("questions", ratings.questions());
        return "rate";
    }

    private String show(PublicTracking.Lookup lookup, String accessCode, Model model) {
        if (lookup instanceof PublicTracking.Lookup.Found found) {
            model.addAttribute("view", timeline.of(found.complaint(), LocaleContextHolder.getLocale()));
            model.addAttribute("accessCode", accessCode);
        } else {
            model.addAttribute("failure", lookup instanceof PublicTracking.Lookup.Throttled ? "throttled" : "notFound");
        }
        return "track";
    }

    private RatingSubmission submission(Map<String, String> form) {
        Map<String, Object> answers = new HashMap<>();
        for (RatingProperties.Question q : ratings.questions()) {
            String value = form.get("q." + q.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            answers.put(q.key(), q.type() == RatingProperties.QuestionType.YES_NO ? (Object) Boolean.valueOf(value)
                    : (Object) parse(value));
        }
        return new RatingSubmission(parse(form.get("level")), form.get("comment"), answers);
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
