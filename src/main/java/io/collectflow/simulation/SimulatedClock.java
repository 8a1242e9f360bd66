package io.collectflow.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The simulated time: Camunda's {@link ClockUtil} (timers, task and history times, the delegates' "now")
 * and, as the application's {@link Clock} bean, everything else that asks for the time (contact log,
 * case end dates). Times of day are in the simulation's zone (the borrowers' zone).
 */
final class SimulatedClock extends Clock {

    private final ZoneId zone;

    SimulatedClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the engine clock to {@code day} at {@code hour:minute} in the simulation's zone. */
    void set(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, minute).atZone(zone).toInstant()));
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
}
