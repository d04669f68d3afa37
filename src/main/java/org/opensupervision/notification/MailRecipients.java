package org.opensupervision.notification;

import java.util.Arrays;
import java.util.List;

/** The To and Cc of a mail, stored as one (encrypted) outbox column: {@code a@x, b@y; cc c@z}. */
record MailRecipients(List<String> to, List<String> cc) {

    private static final String CC = "; cc ";

    String format() {
        return String.join(", ", to) + (cc.isEmpty() ? "" : CC + String.join(", ", cc));
    }

    static MailRecipients parse(String column) {
        int split = column.indexOf(CC);
        return split < 0 ? new MailRecipients(addresses(column), List.of())
                : new MailRecipients(addresses(column.substring(0, split)),
                        addresses(column.substring(split + CC.length())));
    }

    private static List<String> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
}
