package io.collectflow.contact.log;

/**
 * Published (Spring application event) for every row appended to the contact log: automated SMS, e-mail
 * and voice attempts with their result, and contacts recorded by collectors, visitors and agencies.
 * Listeners that write should act after the commit (e.g. risk re-scoring).
 *
 * @param loanNo may be null for a contact about the borrower rather than one loan
 */
public record ContactLogged(long contactId, String loanNo, String borrowerId, String channel, String result) {
}
