package org.opensupervision.privacy.web;

import org.opensupervision.access.StaffGroups;
import java.net.URI;
import java.util.Locale;

import org.opensupervision.privacy.ContactReEncryption;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Administrators move every stored contact value to the active key after a key change. */
@RestController
class ReEncryptionController {

    private static final URI FORBIDDEN = URI.create("urn:opensupervision:problem:forbidden");
    private static final String ADMIN = StaffGroups.authority(StaffGroups.ADMINISTRATORS);

    private final ContactReEncryption reEncryption;
    private final Problems problems;

    ReEncryptionController(ContactReEncryption reEncryption, Problems problems) {
        this.reEncryption = reEncryption;
        this.problems = problems;
    }

    @Operation(summary = "Re-encrypt contact data with the active key", description = "Administrators only "
            + "(group camunda-admin). Runs in batches and answers when done, with the counts.")
    @PostMapping("/api/privacy/re-encryption")
    ResponseEntity<?> reEncrypt(Authentication user, Locale locale) {
        boolean admin = user != null && user.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
        if (!admin) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.problem(HttpStatus.FORBIDDEN, FORBIDDEN,
                    "problem.reEncryption.forbidden", locale));
        }
        return ResponseEntity.ok(reEncryption.run());
    }
}
