package io.collectflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** CollectFlow: every overdue loan is one collection case, run by Camunda 7. */
@SpringBootApplication
@EnableProcessApplication("collectflow")
@EnableScheduling
@ConfigurationPropertiesScan
public class CollectFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CollectFlowApplication.class, args);
    }
}
