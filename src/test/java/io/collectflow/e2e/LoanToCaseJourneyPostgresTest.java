package io.collectflow.e2e;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import io.collectflow.EmbeddedPostgresTestConfig;

/** {@link LoanToCaseJourney} on a real PostgreSQL; the server lives and dies with this test's context. */
@Import(EmbeddedPostgresTestConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanToCaseJourneyPostgresTest extends LoanToCaseJourney {
}
