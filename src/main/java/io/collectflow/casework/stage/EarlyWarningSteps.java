package io.collectflow.casework.stage;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The early-warning steps of the contact plan (A3-A5) in order. Each step is carried out once per
 * case; a case that enters late (say at 65 DPD) starts with the step of its current plan.
 */
@Component("earlyWarningSteps")
public class EarlyWarningSteps {

    public static final String NONE = "NONE";
    public static final String REMINDER_30 = "REMINDER_30";
    public static final String VOICE_60 = "VOICE_60";
    public static final String HANDOVER_90 = "HANDOVER_90";

    private static final List<String> ORDER = List.of(NONE, REMINDER_30, VOICE_60, HANDOVER_90);

    /** Is the step of {@code contactPlan} still to be done, given the last step done? */
    public boolean isDue(Object contactPlan, Object lastDone) {
        int plan = ORDER.indexOf(contactPlan == null ? NONE : contactPlan.toString());
        int done = ORDER.indexOf(lastDone == null ? NONE : lastDone.toString());
        return plan > Math.max(done, 0);
    }
}
