package io.collectflow.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.joda.time.DateTimeUtils;

/**
 * The simulated time: Camunda's {@link ClockUtil} (timers, task and history times, the delegates' "now")
 * and, as the application's {@link Clock} bean, everything else that asks for the time (contact log,
 * case end dates). Times of day are in the simulation's zone (the borrowers' zone).
 *
 * <p>One time holds for the whole engine ({@link #set}); a worker thread may run ahead of it for the work it does
 * itself ({@link #setForThisThread}), e.g. the minute a simulated collector makes a call, while another worker
 * works another loan at another minute. Camunda's clock is Joda-Time's, so this clock is installed as Joda's time
 * source and answers each thread with its own time, else the shared one.
 */
final class SimulatedClock extends Clock {

    private static final Source SOURCE = new Source();

    private final ZoneId zone;

    SimulatedClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the engine clock, for every thread without a time of its own, to {@code day} at {@code hour:minute}. */
    void set(LocalDate day, int hour, int minute) {
        SOURCE.shared = millis(day, hour, minute);
        DateTimeUtils.setCurrentMillisProvider(SOURCE);
    }

    /** Gives the calling thread a time of its own until {@link #clearThisThread}. */
    void setForThisThread(LocalDate day, int hour, int minute) {
        SOURCE.own.set(millis(day, hour, minute));
    }

    /** The calling thread follows the shared time again. */
    void clearThisThread() {
        SOURCE.own.remove();
    }

    private long millis(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(zone).toInstant().toEpochMilli();
    }

    static void reset() {
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Joda-Time's (and so Camunda's) time source: the calling thread's own time, else the shared one. */
    private static final class Source implements DateTimeUtils.MillisProvider {

        private final ThreadLocal<Long> own = new ThreadLocal<>();
        private volatile long shared;

        @Override
        public long getMillis() {
            Long mine = own.get();
            return mine != null ? mine : shared;
        }
    }
}
