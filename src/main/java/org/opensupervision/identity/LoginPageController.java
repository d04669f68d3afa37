package org.opensupervision.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login page, in the user's language. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "staff/login";
    }
}
