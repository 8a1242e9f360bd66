package io.collectflow.security;

import org.springframework.security.core.Authentication;

/** The standard groups (CONTRACT.md "Identities"); a user's groups are its Spring authorities. */
public final class Roles {

    public static final String ADMIN = "camunda-admin";
    public static final String COLLECTORS_L1 = "collectors-l1";
    public static final String COLLECTORS_L2 = "collectors-l2";
    public static final String MANAGERS = "managers";
    public static final String LEGAL = "legal";
    public static final String COMPLAINTS = "complaints";
    /** Approvers of larger write-offs (write-off-approval-level.dmn). */
    public static final String SENIOR_MANAGERS = "senior-managers";
    public static final String COMMITTEE = "committee";
    /** Prefix of every agency group ({@code agency-acme}). */
    public static final String AGENCY_PREFIX = "agency-";

    /** In-house staff who may read loans and borrowers (agencies only see what is placed with them). */
    public static final String[] STAFF = {ADMIN, COLLECTORS_L1, COLLECTORS_L2, MANAGERS, LEGAL, COMPLAINTS};
    /** May see borrowers' full identity and contact data; everyone else sees it masked. */
    public static final String[] FULL_PII = {ADMIN, COLLECTORS_L1, COLLECTORS_L2, LEGAL};

    /** Every group write-off-approval-level.dmn may ask to approve, and administrators: may read write-off dossiers. */
    public static final String[] WRITE_OFF_APPROVERS = {ADMIN, MANAGERS, SENIOR_MANAGERS, COMMITTEE};

    /** May see a complainant's full name and contact data (to answer the complaint); other staff see it masked. */
    public static final String[] COMPLAINANT_PII = {ADMIN, COMPLAINTS};

    private Roles() {
    }

    /** The login belongs to an agency group: it acts for an agency and sees only what is placed with it. */
    public static boolean isAgencyUser(Authentication login) {
        return login != null && login.getAuthorities().stream().anyMatch(a -> isAgencyGroup(a.getAuthority()));
    }

    /** The group of the agency with this code ({@code agency-acme}). */
    public static String agencyGroup(String agencyCode) {
        return AGENCY_PREFIX + agencyCode;
    }

    public static boolean isAgencyGroup(String groupId) {
        return groupId != null && groupId.startsWith(AGENCY_PREFIX);
    }

    /** The agency code of an agency group ({@code acme} for {@code agency-acme}). */
    public static String agencyCode(String agencyGroup) {
        return agencyGroup.substring(AGENCY_PREFIX.length());
    }
}
