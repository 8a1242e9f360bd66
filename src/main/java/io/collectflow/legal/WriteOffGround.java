package io.collectflow.legal;

/** Why a loan may be written off (D2, C6). */
public enum WriteOffGround {
    /** The limitation period has passed since the last acknowledged claim. */
    LIMITATION_EXPIRED,
    /** Contact failed or went unanswered again and again. */
    REPEATEDLY_UNCOLLECTABLE,
    /** Legal assessment or skip tracing confirmed there is nothing to recover. */
    CONFIRMED_UNRECOVERABLE,
    /** The borrower died and left no estate. */
    DECEASED_NO_ESTATE
}
