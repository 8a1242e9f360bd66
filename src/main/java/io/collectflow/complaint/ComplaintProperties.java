package io.collectflow.complaint;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.complaint.*}: deadlines, contact hold, intake limits and the mailbox poller. */
@ConfigurationProperties("collectflow.complaint")
public class ComplaintProperties {

    /** While a complaint of a linked borrower is open, set COMPLAINT_OPEN so the guard blocks collection contact. */
    private boolean blockContact = true;
    /** Acknowledge within this many working days of the complaints team's calendar. */
    private int acknowledgeWorkingDays = 1;
    /** Resolve (decision and feedback) within this many days of receipt. */
    private int resolveDays = 15;
    /** Count the resolve days as working days instead of calendar days. */
    private boolean resolveInWorkingDays = false;
    /** Calendar region (ISO 3166-2 or country) and time zone of the complaints team, for the deadlines. */
    private String region = "CN";
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    /** Longest complaint text accepted (characters). */
    private int maxTextLength = 4000;
    /** Shortest complaint text accepted from the web form (characters). */
    private int minTextLength = 10;
    private RateLimit rateLimit = new RateLimit();
    private Imap imap = new Imap();

    /** Token bucket per client IP for POST /api/complaints. */
    public static class RateLimit {
        /** Requests a client may make in a burst. */
        private int capacity = 5;
        /** One token comes back after this long. */
        private Duration refillEvery = Duration.ofSeconds(12);
        /** Buckets kept before full (idle) ones are forgotten. */
        private int maxClients = 10_000;

        public int getCapacity() { return capacity; }
        public void setCapacity(int capacity) { this.capacity = capacity; }
        public Duration getRefillEvery() { return refillEvery; }
        public void setRefillEvery(Duration refillEvery) { this.refillEvery = refillEvery; }
        public int getMaxClients() { return maxClients; }
        public void setMaxClients(int maxClients) { this.maxClients = maxClients; }
    }

    /** The complaints mailbox read over IMAP; every unread message becomes a complaint and is marked seen. */
    public static class Imap {
        private boolean enabled = false;
        /** imap or imaps */
        private String protocol = "imaps";
        private String host = "localhost";
        private int port = 993;
        private String user = "";
        private String password = "";
        private String folder = "INBOX";
        /** Pause between two polls. */
        private Duration interval = Duration.ofMinutes(1);
        private Duration timeout = Duration.ofSeconds(30);
        /** Finds a loan number in the subject or body (group 1); an unknown number is simply not linked. */
        private String loanNoPattern = "(?i)(?:loan|贷款|合同)\\s*(?:no\\.?|number|#|编号|号)?\\s*[:：#]?\\s*([A-Z]{0,6}-?\\d[A-Z0-9-]{0,62})";

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getProtocol() { return protocol; }
        public void setProtocol(String protocol) { this.protocol = protocol; }
        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getUser() { return user; }
        public void setUser(String user) { this.user = user; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getFolder() { return folder; }
        public void setFolder(String folder) { this.folder = folder; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public String getLoanNoPattern() { return loanNoPattern; }
        public void setLoanNoPattern(String loanNoPattern) { this.loanNoPattern = loanNoPattern; }
    }

    public boolean isBlockContact() { return blockContact; }
    public void setBlockContact(boolean blockContact) { this.blockContact = blockContact; }
    public int getAcknowledgeWorkingDays() { return acknowledgeWorkingDays; }
    public void setAcknowledgeWorkingDays(int acknowledgeWorkingDays) { this.acknowledgeWorkingDays = acknowledgeWorkingDays; }
    public int getResolveDays() { return resolveDays; }
    public void setResolveDays(int resolveDays) { this.resolveDays = resolveDays; }
    public boolean isResolveInWorkingDays() { return resolveInWorkingDays; }
    public void setResolveInWorkingDays(boolean resolveInWorkingDays) { this.resolveInWorkingDays = resolveInWorkingDays; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public ZoneId getZone() { return zone; }
    public void setZone(ZoneId zone) { this.zone = zone; }
    public int getMaxTextLength() { return maxTextLength; }
    public void setMaxTextLength(int maxTextLength) { this.maxTextLength = maxTextLength; }
    public int getMinTextLength() { return minTextLength; }
    public void setMinTextLength(int minTextLength) { this.minTextLength = minTextLength; }
    public RateLimit getRateLimit() { return rateLimit; }
    public void setRateLimit(RateLimit rateLimit) { this.rateLimit = rateLimit; }
    public Imap getImap() { return imap; }
    public void setImap(Imap imap) { this.imap = imap; }
}
