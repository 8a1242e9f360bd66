package io.collectflow.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Camunda's state as Prometheus metrics: job backlog, failed jobs, open incidents, running cases,
 * open user tasks and the executed/failed job totals the engine records. All are cheap count
 * queries against indexed columns, cached for {@code collectflow.ops.metrics.refresh}. The
 * values are cluster-wide (every node reports the same figures): aggregate them with max(), not sum().
 */
@Component
public class CamundaMetrics implements MeterBinder {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final OpsProperties properties;
    /** Micrometer holds meter sources weakly: the counts live as long as this bean */
    private final List<CachedCount> counts = new ArrayList<>();

    public CamundaMetrics(ManagementService managementService, RuntimeService runtimeService,
            TaskService taskService, OpsProperties properties) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "camunda.jobs.due", "Jobs due for execution and not yet executed (the job executor's backlog)",
            () -> managementService.createJobQuery().executable().count(), "jobs");
        gauge(registry, "camunda.jobs.failed", "Jobs whose retries are used up (each is an incident)",
            () -> managementService.createJobQuery().noRetriesLeft().count(), "jobs");
        gauge(registry, "camunda.jobs.suspended", "Jobs of suspended process instances or definitions",
            () -> managementService.createJobQuery().suspended().count(), "jobs");
        incidentGauge(registry, Incident.FAILED_JOB_HANDLER_TYPE);
        incidentGauge(registry, Incident.EXTERNAL_TASK_HANDLER_TYPE);
        gauge(registry, "camunda.process.instances.active", "Running, not suspended process instances",
            () -> runtimeService.createProcessInstanceQuery().active().count(), "instances");
        gauge(registry, "camunda.user.tasks.open", "Open user tasks (Tasklist work)",
            () -> taskService.createTaskQuery().count(), "tasks");
        engineCounter(registry, "camunda.jobs.executed", Metrics.JOB_SUCCESSFUL,
            "Jobs executed successfully, as recorded by the engine's metrics reporter");
        engineCounter(registry, "camunda.jobs.execution.failed", Metrics.JOB_FAILED,
            "Job executions that threw, as recorded by the engine's metrics reporter");
    }

    private void incidentGauge(MeterRegistry registry, String incidentType) {
        CachedCount count = cached("camunda.incidents.open." + incidentType,
            () -> runtimeService.createIncidentQuery().incidentType(incidentType).count());
        Gauge.builder("camunda.incidents.open", count, CachedCount::value)
            .description("Open incidents, by incident type")
            .tag("type", incidentType)
            .baseUnit("incidents")
            .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, LongSupplier query, String unit) {
        Gauge.builder(name, cached(name, query), CachedCount::value)
            .description(description)
            .baseUnit(unit)
            .register(registry);
    }

    private void engineCounter(MeterRegistry registry, String name, String engineMetric, String description) {
        CachedCount total = cached(name, () -> managementService.createMetricsQuery().name(engineMetric).sum());
        FunctionCounter.builder(name, total, CachedCount::value)
            .description(description)
            .baseUnit("jobs")
            .register(registry);
    }

    private CachedCount cached(String name, LongSupplier query) {
        CachedCount count = new CachedCount(name, query, properties.metrics().refresh(), Clock.systemUTC());
        counts.add(count);
        return count;
    }
}
