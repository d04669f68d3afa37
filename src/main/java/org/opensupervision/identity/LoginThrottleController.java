package org.opensupervision.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Administrators let an account in again at once, instead of waiting for the throttle to lift by itself. */
@RestController
class LoginThrottleController {

    private final LoginFailures failures;
    private final IdentityService identity;

    LoginThrottleController(LoginFailures failures, IdentityService identity) {
        this.failures = failures;
        this.identity = identity;
    }

    @Operation(summary = "Lift the login wait of an account", description = "Administrators only (camunda-admin). "
            + "Forgets the account's failed logins and lifts Camunda's own login delay of the user (not with Keycloak, "
            + "whose brute-force detection is unlocked in its admin console).")
    @DeleteMapping("/api/login-throttle/accounts/{userId}")
    ResponseEntity<Void> lift(@PathVariable String userId) {
        failures.forget(userId);
        if (!identity.isReadOnly() && identity.createUserQuery().userId(userId).count() > 0) {
            identity.unlockUser(userId);
        }
        return ResponseEntity.noContent().build();
    }
}
