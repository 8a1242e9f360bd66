package io.collectflow.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.contact.*}: channels, templates and message content. */
@ConfigurationProperties("collectflow.contact")
public class ContactProperties {

    /** outbox: record messages without sending (demo); live: send through the real gateways. */
    private Mode mode = Mode.OUTBOX;
    private String templatesLocation = "classpath*:templates/contact/*.yaml";
    private String prohibitedPhrasesFile = "classpath:compliance/prohibited-phrases.yaml";
    /** Repayment link; {loanNo} is replaced by the loan number. */
    private String repaymentLink = "https://pay.collectflow.example/repay/{loanNo}";
    private String hotline = "400-820-0000";
    private final Http sms = new Http();
    private final Http voice = new Http();
    private final Email email = new Email();

    public enum Mode {
        OUTBOX, LIVE
    }

    /** An HTTP gateway: where, with which bearer token, how long to wait and how often to try. */
    public static class Http {
        private String url = "http://localhost:9/unconfigured";
        private String token = "";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        /** Attempts per send on 5xx or timeout (1 = no retry) before the job fails (then the job retries). */
        private int attempts = 3;
        private Duration backoff = Duration.ofMillis(500);

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }

    /** The sender of reminder e-mails (the SMTP server is spring.mail.*). */
    public static class Email {
        private String from = "collections@collectflow.example";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getTemplatesLocation() {
        return templatesLocation;
    }

    public void setTemplatesLocation(String templatesLocation) {
        this.templatesLocation = templatesLocation;
    }

    public String getProhibitedPhrasesFile() {
        return prohibitedPhrasesFile;
    }

    public void setProhibitedPhrasesFile(String prohibitedPhrasesFile) {
        this.prohibitedPhrasesFile = prohibitedPhrasesFile;
    }

    public String getRepaymentLink() {
        return repaymentLink;
    }

    public void setRepaymentLink(String repaymentLink) {
        this.repaymentLink = repaymentLink;
    }

    public String getHotline() {
        return hotline;
    }

    public void setHotline(String hotline) {
        this.hotline = hotline;
    }

    public Http getSms() {
        return sms;
    }

    public Http getVoice() {
        return voice;
    }

    public Email getEmail() {
        return email;
    }
}
