package io.collectflow.simulation;

import java.time.LocalDate;
import java.util.List;
import java.nio.file.Path;

public class SimulationProbe {
    public static void main(String[] a) {
        SimulationSettings s = new SimulationSettings(Integer.getInteger("loans", 200), Integer.getInteger("days", 60), 7, LocalDate.of(2026, 1, 1), 2, 100, 0.05,
            List.of("expanded"), Path.of("target/simulation"), true);
        try (Simulator sim = Simulator.start("expanded", s)) {
            SimulationResult r = sim.run(d -> { if (d % 10 == 0) System.out.println("day " + d); });
            System.out.println(r.days().get(r.days().size() - 1));
            System.out.println("cases " + r.casesOpened() + " tasks " + r.tasksCompleted() + " blocked " + r.blockedByGuard() + " off " + r.offHoursAttempts() + " jobs " + r.jobsExecuted() + " pay " + r.paymentsPosted());
            System.out.println("jobFailures " + r.jobFailures());
            System.out.println("taskErrors " + r.taskErrors());
            System.out.println("unhandled " + r.unhandledTasks());
            System.out.println("elapsed " + r.elapsed() + " " + sim.phaseSeconds());
            System.out.println(sim.jdbc().queryForList("SELECT status, strategy_variant, COUNT(*) n FROM collection_case GROUP BY status, strategy_variant"));
            System.out.println(sim.jdbc().queryForList("SELECT channel, result, COUNT(*) n FROM contact_log GROUP BY channel, result"));
            System.out.println(sim.jdbc().queryForList("SELECT act_id_, COUNT(*) n FROM act_ru_execution WHERE act_id_ IS NOT NULL GROUP BY act_id_"));
            System.out.println(sim.jdbc().queryForList("SELECT incident_msg_, COUNT(*) n FROM act_ru_incident GROUP BY incident_msg_"));
        }
    }
}
