package io.collectflow.contact.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;

/**
 * The compliance guard every contact passes (F1-F4): borrower flags, the borrower-local contact window on
 * workdays of the borrower's region, and the per-channel frequency caps counted over all operators.
 * Pure: no engine, no database (the history comes through {@link ContactHistory}).
 */
public class ComplianceGuard {

    /** How far ahead the next allowed instant is searched (a year and a bit). */
    private static final int SEARCH_DAYS = 400;

    private final ComplianceProperties rules;
    private final WorkdayCalendar calendar;
    private final ContactHistory history;

    public ComplianceGuard(ComplianceProperties rules, WorkdayCalendar calendar, ContactHistory history) {
        this.rules = rules;
        this.calendar = calendar;
        this.history = history;
    }

    public Verdict check(ContactSubject subject, Channel channel, Operator operator, Instant at) {
        ZoneId zone = subject.zone();
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("operator", operator.type() + ":" + operator.id());
        inputs.put("borrowerLocal", local.toOffsetDateTime().toString());
        inputs.put("window", rules.getWindowStart() + "-" + rules.getWindowEnd());

        List<ReasonCode> reasons = new ArrayList<>();
        subject.flags().stream().map(BorrowerFlag::reason).sorted().forEach(reasons::add);
        inputs.put("flags", subject.flags().isEmpty() ? "none"
            : subject.flags().stream().map(Enum::name).sorted().collect(Collectors.joining("|")));

        DayKind dayKind = calendar.dayKind(subject.region(), today);
        inputs.put("dayKind", dayKind.name());
        if (dayKind == DayKind.HOLIDAY) {
            reasons.add(ReasonCode.HOLIDAY);
        } else if (dayKind == DayKind.WEEKEND) {
            reasons.add(ReasonCode.WEEKEND);
        }
        if (!inWindow(local.toLocalTime())) {
            reasons.add(ReasonCode.OUTSIDE_HOURS);
        }

        CapState caps = capState(subject, channel, at, today);
        String capped = caps.blockingCap(today);
        inputs.putAll(caps.describe(today));
        if (capped != null) {
            reasons.add(ReasonCode.FREQUENCY_CAP);
            inputs.put("capReached", capped);
        }

        if (reasons.isEmpty()) {
            return new Verdict(true, reasons, null, rules.getRuleSetVersion(), inputs);
        }
        ZonedDateTime next = subject.flags().isEmpty() ? nextAllowed(subject, local, caps) : null;
        return new Verdict(false, reasons, next == null ? null : next.toOffsetDateTime(), rules.getRuleSetVersion(),
            inputs);
    }

    private boolean inWindow(LocalTime time) {
        return !time.isBefore(rules.getWindowStart()) && time.isBefore(rules.getWindowEnd());
    }

    /** Earliest instant from {@code from} on that passes window, calendar and caps (no further contacts assumed). */
    private ZonedDateTime nextAllowed(ContactSubject subject, ZonedDateTime from, CapState caps) {
        ZonedDateTime candidate = from;
        for (int i = 0; i < SEARCH_DAYS * 2; i++) {
            LocalDate date = candidate.toLocalDate();
            LocalTime time = candidate.toLocalTime();
            if (!calendar.dayKind(subject.region(), date).isWorkday() || caps.blockingCap(date) != null
                || !time.isBefore(rules.getWindowEnd())) {
                candidate = windowStart(date.plusDays(1), from.getZone());
            } else if (time.isBefore(rules.getWindowStart())) {
                candidate = windowStart(date, from.getZone());
            } else {
                return candidate;
            }
        }
        return null;
    }

    private ZonedDateTime windowStart(LocalDate date, ZoneId zone) {
        // a start inside a DST gap moves forward to the first valid local time
        return date.atTime(rules.getWindowStart()).atZone(zone);
    }

    private CapState capState(ContactSubject subject, Channel channel, Instant at, LocalDate today) {
        Map<String, ComplianceProperties.Cap> applicable = new LinkedHashMap<>();
        Map<String, Map<LocalDate, Integer>> perCap = new HashMap<>();
        for (Map.Entry<String, ComplianceProperties.Cap> e : rules.getCaps().entrySet()) {
            ComplianceProperties.Cap cap = e.getValue();
            if (!cap.getChannels().contains(channel)) {
                continue;
            }
            int lookBackDays = cap.getConsecutiveDays() + cap.getRestDays() + 1;
            Instant from = today.minusDays(lookBackDays).atStartOfDay(subject.zone()).toInstant();
            Map<LocalDate, Integer> byDay = new HashMap<>();
            for (Instant attempt : history.attempts(subject.borrowerId(), cap.getChannels(), from, at)) {
                byDay.merge(attempt.atZone(subject.zone()).toLocalDate(), 1, Integer::sum);
            }
            applicable.put(e.getKey(), cap);
            perCap.put(e.getKey(), byDay);
        }
        return new CapState(applicable, perCap);
    }

    /** Contacts per borrower-local day for each applicable cap, and which cap blocks a given day. */
    private record CapState(Map<String, ComplianceProperties.Cap> caps, Map<String, Map<LocalDate, Integer>> perCap) {

        String blockingCap(LocalDate date) {
            for (Map.Entry<String, ComplianceProperties.Cap> e : caps.entrySet()) {
                ComplianceProperties.Cap cap = e.getValue();
                Map<LocalDate, Integer> byDay = perCap.get(e.getKey());
                if (byDay.getOrDefault(date, 0) >= cap.getPerDay()) {
                    return e.getKey() + ".perDay";
                }
                if (cap.hasStreakRule() && inRestAfterStreak(cap, byDay, date)) {
                    return e.getKey() + ".restAfter" + cap.getConsecutiveDays() + "Days";
                }
            }
            return null;
        }

        /** True when a run of consecutiveDays contact days ended r days before {@code date} (1 <= r <= restDays). */
        private static boolean inRestAfterStreak(ComplianceProperties.Cap cap, Map<LocalDate, Integer> byDay, LocalDate date) {
            for (int r = 1; r <= cap.getRestDays(); r++) {
                boolean quietSince = true;
                for (int q = 1; q < r; q++) {
                    quietSince &= !byDay.containsKey(date.minusDays(q));
                }
                if (!quietSince) {
                    return false;
                }
                boolean streak = true;
                for (int k = 0; k < cap.getConsecutiveDays(); k++) {
                    streak &= byDay.containsKey(date.minusDays(r + k));
                }
                if (streak) {
                    return true;
                }
            }
            return false;
        }

        Map<String, String> describe(LocalDate today) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, ComplianceProperties.Cap> e : caps.entrySet()) {
                Map<LocalDate, Integer> byDay = perCap.get(e.getKey());
                out.put("cap." + e.getKey() + ".today", byDay.getOrDefault(today, 0) + "/" + e.getValue().getPerDay());
                out.put("cap." + e.getKey() + ".recentDays", new TreeSet<>(byDay.keySet()).toString());
            }
            return out;
        }
    }
}
