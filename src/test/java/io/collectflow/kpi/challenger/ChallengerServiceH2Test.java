package io.collectflow.kpi.challenger;

import io.collectflow.loan.PlainDatabase;

/** The live comparison on H2 (the embedded default). */
class ChallengerServiceH2Test extends ChallengerServiceContract {

    private static final PlainDatabase DATABASE = PlainDatabase.h2();

    @Override
    PlainDatabase database() {
        return DATABASE;
    }
}
