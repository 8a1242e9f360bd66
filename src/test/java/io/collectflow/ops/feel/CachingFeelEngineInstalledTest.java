package io.collectflow.ops.feel;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** The application's process engine decides with the caching FEEL engine, and a new case's decisions go through it. */
class CachingFeelEngineInstalledTest extends CaseProcessTestSupport {

    @Test
    void theEnginesDecisionsUseTheCachingFeelEngine() {
        FeelEngine feel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDmnEngineConfiguration().getFeelEngine();
        assertThat(feel).isInstanceOf(CachingFeelEngine.class);

        ProcessInstance pi = startCase(fixtures.loan(45, today()), 45);
        runJobs();

        assertThat(openTasks(pi)).isNotEmpty();
        assertThat(((CachingFeelEngine) feel).cachedCount()).isPositive();
    }
}
