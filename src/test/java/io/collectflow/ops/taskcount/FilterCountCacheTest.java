package io.collectflow.ops.taskcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter count cache in front of a stand-in engine that counts how often it was asked. */
class FilterCountCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong executions = new AtomicLong();
    private Authentication user = new Authentication("collector1", List.of("collectors-l1"));
    private FilterCountCache cache;

    @BeforeEach
    void chain() {
        cache = new FilterCountCache(Duration.ofSeconds(10), clock::get, () -> user);
        cache.setNext(new CommandInterceptor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                return (T) Long.valueOf(100 + executions.incrementAndGet());
            }
        });
    }

    @Test
    void aCountIsReusedForTenSecondsThenCountedAgain() {
        assertThat(count("f1")).isEqualTo(101);
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(count("f1")).isEqualTo(101);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(count("f1")).isEqualTo(102);
        assertThat(executions).hasValue(2);
    }

    @Test
    void eachFilterUserGroupSetAndExtendingQueryHasItsOwnCount() {
        count("f1");
        count("f2");
        user = new Authentication("collector2", List.of("collectors-l1"));
        count("f1");
        user = new Authentication("collector2", List.of("collectors-l1", "collectors-l2"));
        count("f1");
        user = null;
        count("f1");
        cache.execute(new ExecuteFilterCountCmd("f1", new TaskQueryImpl().taskNameLike("%call%")));
        cache.execute(new ExecuteFilterCountCmd("f1", new TaskQueryImpl().taskNameLike("%visit%")));
        assertThat(executions).hasValue(7);
        assertThat(cache.size()).isEqualTo(7);

        user = new Authentication("collector2", List.of("collectors-l2", "collectors-l1"));
        count("f1");
        cache.execute(new ExecuteFilterCountCmd("f1", new TaskQueryImpl().taskNameLike("%visit%")));
        assertThat(executions).as("same groups in another order, same extending query").hasValue(8);
    }

    @Test
    void savingAFilterForgetsEveryCount() {
        count("f1");
        cache.execute(new SaveFilterCmd(new FilterEntity("Task")));
        assertThat(cache.size()).isZero();
        count("f1");
        assertThat(executions).hasValue(3);
    }

    @Test
    void listsAreNeverCached() {
        cache.execute(new ExecuteFilterListCmd("f1"));
        cache.execute(new ExecuteFilterListCmd("f1"));
        assertThat(executions).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    private long count(String filterId) {
        return cache.execute(new ExecuteFilterCountCmd(filterId));
    }
}
