package io.collectflow.legal;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.legal.*}: write-off eligibility, lost contact and litigation defaults. */
@ConfigurationProperties("collectflow.legal")
public class LegalProperties {

    /** Limitation period counted from the last acknowledged claim (payment or answered contact). */
    private Period limitationPeriod = Period.ofYears(3);
    /** Failed or unanswered contacts that make a loan "repeatedly uncollectable". */
    private int uncollectableAttempts = 6;
    /** A borrower unreachable this long is "lost contact" (C5). */
    private Duration lostContactAfter = Duration.ofDays(90);
    /** Time the lawyer letter gives the borrower to pay. */
    private int lawyerLetterDeadlineDays = 14;

    public Period getLimitationPeriod() {
        return limitationPeriod;
    }

    public void setLimitationPeriod(Period limitationPeriod) {
        this.limitationPeriod = limitationPeriod;
    }

    public int getUncollectableAttempts() {
        return uncollectableAttempts;
    }

    public void setUncollectableAttempts(int uncollectableAttempts) {
        this.uncollectableAttempts = uncollectableAttempts;
    }

    public Duration getLostContactAfter() {
        return lostContactAfter;
    }

    public void setLostContactAfter(Duration lostContactAfter) {
        this.lostContactAfter = lostContactAfter;
    }

    public int getLawyerLetterDeadlineDays() {
        return lawyerLetterDeadlineDays;
    }

    public void setLawyerLetterDeadlineDays(int lawyerLetterDeadlineDays) {
        this.lawyerLetterDeadlineDays = lawyerLetterDeadlineDays;
    }
}
