package org.opensupervision;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One GreenMail SMTP server for the whole test JVM, on a free port. */
final class TestSmtpServer {

    private static GreenMail server;

    private TestSmtpServer() {
    }

    static synchronized GreenMail started() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }
}
