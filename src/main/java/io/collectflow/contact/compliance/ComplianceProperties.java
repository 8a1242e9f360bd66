package io.collectflow.contact.compliance;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.collectflow.contact.Channel;

/** {@code collectflow.contact.compliance.*}: the rule set of the compliance guard. */
@ConfigurationProperties("collectflow.contact.compliance")
public class ComplianceProperties {

    /** Recorded with every verdict; change it whenever the rules or their settings change. */
    private String ruleSetVersion = "2026.1";
    /** Borrower-local contact window [start, end). */
    private LocalTime windowStart = LocalTime.of(9, 0);
    private LocalTime windowEnd = LocalTime.of(21, 0);
    /** Calendar data files (region,date,kind,name) adding or overriding days; later files win. */
    private List<String> calendarFiles = new ArrayList<>(List.of("classpath:calendars/public-holidays.csv"));
    /** How long a contact blocked by a flag (complaint, dispute, deceased) waits before it is checked again. */
    private Duration flagRecheckInterval = Duration.ofDays(1);
    /** Frequency caps by name; each counts the contacts on its channels across all operators. */
    private Map<String, Cap> caps = new LinkedHashMap<>(defaultCaps());

    private static Map<String, Cap> defaultCaps() {
        Map<String, Cap> caps = new LinkedHashMap<>();
        caps.put("call", new Cap(EnumSet.of(Channel.CALL, Channel.VOICE), 3, 3, 2));
        caps.put("sms", new Cap(EnumSet.of(Channel.SMS), 1, 0, 0));
        return caps;
    }

    /**
     * A cap: at most {@code perDay} contacts a borrower-local day; after contacts on {@code consecutiveDays}
     * days in a row, {@code restDays} days without (0 disables that rule).
     */
    public static class Cap {
        private Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private int perDay;
        private int consecutiveDays;
        private int restDays;

        public Cap() {
        }

        public Cap(Set<Channel> channels, int perDay, int consecutiveDays, int restDays) {
            this.channels = EnumSet.copyOf(channels);
            this.perDay = perDay;
            this.consecutiveDays = consecutiveDays;
            this.restDays = restDays;
        }

        public Set<Channel> getChannels() {
            return channels;
        }

        public void setChannels(Set<Channel> channels) {
            this.channels = channels;
        }

        public int getPerDay() {
            return perDay;
        }

        public void setPerDay(int perDay) {
            this.perDay = perDay;
        }

        public int getConsecutiveDays() {
            return consecutiveDays;
        }

        public void setConsecutiveDays(int consecutiveDays) {
            this.consecutiveDays = consecutiveDays;
        }

        public int getRestDays() {
            return restDays;
        }

        public void setRestDays(int restDays) {
            this.restDays = restDays;
        }

        boolean hasStreakRule() {
            return consecutiveDays > 0 && restDays > 0;
        }
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public void setRuleSetVersion(String ruleSetVersion) {
        this.ruleSetVersion = ruleSetVersion;
    }

    public LocalTime getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(LocalTime windowStart) {
        this.windowStart = windowStart;
    }

    public LocalTime getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(LocalTime windowEnd) {
        this.windowEnd = windowEnd;
    }

    public List<String> getCalendarFiles() {
        return calendarFiles;
    }

    public void setCalendarFiles(List<String> calendarFiles) {
        this.calendarFiles = calendarFiles;
    }

    public Duration getFlagRecheckInterval() {
        return flagRecheckInterval;
    }

    public void setFlagRecheckInterval(Duration flagRecheckInterval) {
        this.flagRecheckInterval = flagRecheckInterval;
    }

    public Map<String, Cap> getCaps() {
        return caps;
    }

    public void setCaps(Map<String, Cap> caps) {
        this.caps = caps;
    }
}
