package io.collectflow.casework;

/** Scan → cases on H2 (the embedded default database). */
class H2CaseLifecycleIntegrationTest extends CaseLifecycleIntegrationTest {
}
