package io.collectflow.simulation;

/**
 * How a simulated borrower behaves. Every parameter is a probability (0–1) of one event; the simulator
 * rolls each one at most once per occasion with {@link Dice}, so a run is reproducible from its seed.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><td>share</td><td>share of the portfolio with this profile</td></tr>
 *   <tr><td>miss</td><td>to leave an installment unpaid on its due date</td></tr>
 *   <tr><td>payAfterReminder</td><td>to pay the arrears in full within 1–3 days of a reminder (SMS, e-mail, robot call)</td></tr>
 *   <tr><td>answer</td><td>to answer a collector's call or be met on a visit</td></tr>
 *   <tr><td>promise</td><td>once reached, to promise a payment (date 1–7 days ahead)</td></tr>
 *   <tr><td>keep</td><td>to keep a promise or a confirmed plan (pay on the promised date)</td></tr>
 *   <tr><td>plan</td><td>once reached and not promising, to ask for a repayment plan</td></tr>
 *   <tr><td>refuse</td><td>once reached and neither promising nor asking for a plan, to refuse (else evasive/other)</td></tr>
 *   <tr><td>agencyPay</td><td>to pay the arrears while an agency works the case (rolled per week)</td></tr>
 * </table>
 * The overdue reason is what a collector records when the borrower explains (form value of {@code overdueReason}).
 * These are the defaults; a scenario file can override any probability ({@link BehaviourModel}).
 */
public enum BehaviourProfile {
    //          share  miss  remind answer promise keep  plan  refuse agency reason
    PUNCTUAL(   0.80, 0.01, 0.90, 0.90, 0.90, 0.95, 0.00, 0.00, 0.50, "FORGOT"),
    FORGETFUL(  0.08, 0.60, 0.60, 0.80, 0.80, 0.90, 0.05, 0.05, 0.40, "FORGOT"),
    CASH_FLOW(  0.06, 0.70, 0.15, 0.70, 0.55, 0.60, 0.25, 0.10, 0.20, "CASH_FLOW"),
    UNEMPLOYED( 0.04, 0.95, 0.02, 0.55, 0.25, 0.35, 0.45, 0.20, 0.08, "UNEMPLOYMENT"),
    MALICIOUS(  0.02, 1.00, 0.00, 0.30, 0.10, 0.05, 0.00, 0.70, 0.03, "MALICIOUS");

    private final double share;
    private final double miss;
    private final double payAfterReminder;
    private final double answer;
    private final double promise;
    private final double keep;
    private final double plan;
    private final double refuse;
    private final double agencyPay;
    private final String overdueReason;

    BehaviourProfile(double share, double miss, double payAfterReminder, double answer, double promise, double keep,
                     double plan, double refuse, double agencyPay, String overdueReason) {
        this.share = share;
        this.miss = miss;
        this.payAfterReminder = payAfterReminder;
        this.answer = answer;
        this.promise = promise;
        this.keep = keep;
        this.plan = plan;
        this.refuse = refuse;
        this.agencyPay = agencyPay;
        this.overdueReason = overdueReason;
    }

    public double share() {
        return share;
    }

    public double miss() {
        return miss;
    }

    public double payAfterReminder() {
        return payAfterReminder;
    }

    public double answer() {
        return answer;
    }

    public double promise() {
        return promise;
    }

    public double keep() {
        return keep;
    }

    public double plan() {
        return plan;
    }

    public double refuse() {
        return refuse;
    }

    public double agencyPay() {
        return agencyPay;
    }

    public String overdueReason() {
        return overdueReason;
    }
}
