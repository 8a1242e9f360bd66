package io.collectflow.kpi.challenger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.collectflow.loan.PlainDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The live comparison on real PostgreSQL (production). */
class ChallengerServicePostgresTest extends ChallengerServiceContract {

    private static EmbeddedPostgres postgres;
    private static PlainDatabase database;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        database = new PlainDatabase(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    PlainDatabase database() {
        return database;
    }
}
