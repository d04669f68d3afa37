package org.opensupervision.privacy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code supervision.privacy.re-encrypt-at-startup=true}: moves every stored contact value to the active key once. */
@Component
@ConditionalOnProperty("supervision.privacy.re-encrypt-at-startup")
class ReEncryptionAtStartup implements ApplicationRunner {

    private final ContactReEncryption reEncryption;

    ReEncryptionAtStartup(ContactReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        reEncryption.run();
    }
}
