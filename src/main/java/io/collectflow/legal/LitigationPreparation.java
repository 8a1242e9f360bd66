package io.collectflow.legal;

import java.math.BigDecimal;

import io.collectflow.web.InvalidFieldException;

/**
 * What a legal officer records when preparing litigation (C5/D3, Task_PrepareLitigation, form prepare-litigation):
 * the claim, the evidence bundle checked (collection records, loan contract, proof of loss), the court, whether
 * service by publication is asked for (the borrower is unreachable) and notes. Field names are the form's keys, so a
 * refusal names the field the user has to correct.
 */
public record LitigationPreparation(BigDecimal claimAmount, boolean evidenceChecked, String court,
        boolean serviceByPublication, String notes) {

    public static final String CLAIM_FIELD = "litigationClaimAmount";
    public static final String EVIDENCE_FIELD = "evidenceBundleChecked";
    public static final String COURT_FIELD = "litigationCourt";
    public static final String PUBLICATION_FIELD = "serviceByPublication";
    public static final String NOTES_FIELD = "litigationPreparationNotes";

    static final int MAX_COURT = 200;
    static final int MAX_NOTES = 4000;

    /**
     * The preparation as submitted (the claim a number or a numeric string, the boxes booleans or "true"/"false"),
     * checked; throws {@link InvalidFieldException} naming the first bad field.
     */
    public static LitigationPreparation of(Object claim, Object evidenceChecked, Object court,
            Object serviceByPublication, Object notes) {
        BigDecimal amount = claim(claim);
        if (!ticked(evidenceChecked)) {
            throw new InvalidFieldException(EVIDENCE_FIELD, "tick it once the bundle holds the collection records, "
                + "the loan contract and the proof of loss");
        }
        String courtName = court == null ? "" : court.toString().strip();
        if (courtName.isEmpty()) {
            throw new InvalidFieldException(COURT_FIELD, "required: the court the claim will be filed with");
        }
        if (courtName.length() > MAX_COURT) {
            throw new InvalidFieldException(COURT_FIELD, "at most " + MAX_COURT + " characters");
        }
        String text = notes == null || notes.toString().isBlank() ? null : notes.toString().strip();
        if (text != null && text.length() > MAX_NOTES) {
            throw new InvalidFieldException(NOTES_FIELD, "at most " + MAX_NOTES + " characters");
        }
        return new LitigationPreparation(amount, true, courtName, ticked(serviceByPublication), text);
    }

    private static BigDecimal claim(Object claim) {
        if (claim == null || claim.toString().isBlank()) {
            throw new InvalidFieldException(CLAIM_FIELD, "required: the amount claimed, more than 0");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(claim.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(CLAIM_FIELD, "must be a number, more than 0");
        }
        if (amount.signum() <= 0) {
            throw new InvalidFieldException(CLAIM_FIELD, "the claim must be more than 0");
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
            throw new InvalidFieldException(CLAIM_FIELD, "at most 17 digits and 2 decimals");
        }
        return amount.setScale(2);
    }

    private static boolean ticked(Object box) {
        return Boolean.TRUE.equals(box) || "true".equalsIgnoreCase(String.valueOf(box).strip());
    }
}
