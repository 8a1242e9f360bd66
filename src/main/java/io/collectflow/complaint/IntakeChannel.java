package io.collectflow.complaint;

import java.util.Locale;

/** How a complaint reached us. */
public enum IntakeChannel {
    /** the public web form / POST /api/complaints */
    ONLINE,
    /** a complaint officer took a call and started the process in Tasklist */
    HOTLINE,
    /** the complaints mailbox (IMAP poller) */
    EMAIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
