package io.collectflow.ops.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A Flyway migration of Camunda's tables, registered (Spring Boot hands JavaMigration beans to
 * Flyway) only where {@code collectflow.ops.engine-schema=flyway}, i.e. in prod.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Component
@ConditionalOnProperty(name = "collectflow.ops.engine-schema", havingValue = "flyway")
@interface FlywayOwnsEngineSchema {
}
