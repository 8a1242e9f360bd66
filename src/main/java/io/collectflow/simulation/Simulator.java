package io.collectflow.simulation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.CollectFlowApplication;
import io.collectflow.arrangement.plan.process.PlanConfirmation;
import io.collectflow.arrangement.promise.PromiseSettlementService;
import io.collectflow.kpi.KpiCalculator;
import io.collectflow.kpi.Kpis;
import io.collectflow.legal.process.LostContactStarts;
import io.collectflow.loan.LoanBookService;
import io.collectflow.loan.delinquency.DelinquencyScanService;
import io.collectflow.loan.payment.PaymentService;

/**
 * Runs one strategy on the synthetic portfolio in an engine of its own: the real application (processes,
 * decisions, delegates, compliance guard, scan, KPIs) on a private in-memory database, with the job executor
 * off and the time simulated. Each simulated day: the morning's payments, the delinquency scan for the day,
 * the due jobs, the staff's working hours 07–22 (jobs between the hours), the evening's jobs, and the
 * borrowers' reaction to the day's reminders.
 */
public final class Simulator implements AutoCloseable {

    /** The borrowers' zone (every synthetic region is in China). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int LOAN_BATCH = 2_000;
    private static final int H2_QUERY_CACHE = 200;

    private final String strategy;
    private final SimulationSettings settings;
    private final ConfigurableApplicationContext context;
    private final SimulatedClock clock;
    private final JdbcTemplate jdbc;
    private final BehaviourModel behaviour;

    private Simulator(String strategy, SimulationSettings settings, ConfigurableApplicationContext context,
                      SimulatedClock clock, BehaviourModel behaviour) {
        this.strategy = strategy;
        this.settings = settings;
        this.context = context;
        this.clock = clock;
        this.behaviour = behaviour;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /**
     * Starts the engine for {@code strategy} (a variant name, or BPMN/DMN file paths joined by '+') with
     * {@code extraProperties} (e.g. a live challenger share) added to the simulation's settings.
     */
    public static Simulator start(String strategy, SimulationSettings settings, String... extraProperties) {
        // a mistyped path or a bad scenario is told at once, not after the engine's start
        List<Path> strategyFiles = SimulationSettings.isFile(strategy) ? strategyFiles(strategy) : List.of();
        BehaviourModel behaviour = BehaviourModel.of(settings);
        SimulatedClock clock = new SimulatedClock(ZONE);
        clock.set(settings.start(), 0, 0);
        List<String> args = new ArrayList<>(List.of(
            // H2 parses a statement again unless it is among the session's last QUERY_CACHE_SIZE (default 8); a cached
            // statement keeps the plan made when the tables were small, which costs some queries more later on, but
            // over a whole simulation the cache saves a quarter of the time (BENCHMARKS.md "H2's statement cache")
            "--spring.datasource.url=jdbc:h2:mem:simulation-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=" + H2_QUERY_CACHE,
            "--spring.datasource.username=sa", "--spring.datasource.password=",
            "--spring.application.name=simulation", "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            // engine ids from the database sequence (not random UUIDs): numbers in the order things were created, the
            // order the simulated job executor runs due jobs in (DueJobs)
            "--camunda.bpm.id-generator=simple",
            // the scan's case work on one thread: a simulated day opens and moves a few dozen cases, and two threads
            // with batches of 20 did not shorten the scan (10,000 x 60: 18.1-18.5 s against 17.6-18.6 s)
            "--collectflow.delinquency.case-threads=1",
            "--camunda.bpm.history-level=" + settings.historyLevel(),
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--camunda.bpm.generate-unique-process-application-name=true",
            "--collectflow.demo.enabled=false",
            // the nightly jobs run inside the simulated day instead (see run), never on the real clock's schedule
            "--collectflow.delinquency.scan-cron=-",
            "--collectflow.arrangement.promise-settlement-cron=-", "--collectflow.legal.lost-contact-cron=-",
            "--collectflow.kpi.snapshot-cron=-", "--collectflow.kpi.snapshot-after-scan=false",
            "--logging.level.root=WARN", "--logging.level.io.collectflow=WARN",
            // a completion the compliance guard refuses is expected here, not an error worth a stack trace
            "--logging.level.org.camunda.bpm.engine.context=OFF",
            "--spring.main.banner-mode=off"));
        if (!SimulationSettings.isFile(strategy)) {
            args.add("--collectflow.case.strategy-variant=" + strategy);
        }
        args.addAll(List.of(extraProperties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CollectFlowApplication.class)
            .profiles("demo")
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
            .run(args.toArray(String[]::new));
        Simulator simulator = new Simulator(strategy, settings, context, clock, behaviour);
        if (!strategyFiles.isEmpty()) {
            try {
                simulator.deploy(strategy, strategyFiles);
            } catch (RuntimeException e) {
                // without its strategy there is nothing to run: stop the engine (and its web server) again
                simulator.close();
                throw e;
            }
        }
        return simulator;
    }

    /** The files of a strategy given as paths joined by '+', each an existing file. */
    private static List<Path> strategyFiles(String files) {
        List<Path> paths = new ArrayList<>();
        for (String file : files.split("\\+")) {
            Path path = Path.of(file.trim());
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("strategy file " + path.toAbsolutePath() + " does not exist");
            }
            paths.add(path);
        }
        return paths;
    }

    /**
     * Deploys the strategy's files into this engine only; being the latest versions, new cases use them. A process
     * comes with the application's forms (a deployment must hold the forms its processes show), unless the strategy
     * brings its own of the same name.
     */
    private void deploy(String strategy, List<Path> files) {
        DeploymentBuilder deployment = context.getBean(RepositoryService.class).createDeployment()
            .name("simulation strategy " + strategy);
        List<String> names = new ArrayList<>();
        for (Path path : files) {
            try {
                names.add(path.getFileName().toString());
                deployment.addInputStream(path.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(path)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read strategy file " + path + ": " + e.getMessage(), e);
            }
        }
        if (names.stream().anyMatch(name -> name.endsWith(".bpmn"))) {
            addApplicationForms(deployment, names);
        }
        deployment.deploy();
    }

    private void addApplicationForms(DeploymentBuilder deployment, List<String> given) {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                if (form.getFilename() != null && !given.contains(form.getFilename())) {
                    try (var in = form.getInputStream()) {
                        deployment.addInputStream(form.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the application's forms: " + e.getMessage(), e);
        }
    }

    /** Runs the days; {@code onDay} hears the number of days done. */
    public SimulationResult run(IntConsumer onDay) {
        long started = System.nanoTime();
        long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Dice dice = new Dice(settings.seed());
        List<SyntheticPortfolio.SimLoan> book = new SyntheticPortfolio(settings.seed(), settings.start(),
            settings.seasoningMonths(), behaviour).generate(settings.loans());
        Map<String, BehaviourProfile> profiles = new HashMap<>();
        book.forEach(l -> profiles.put(l.loan().loanNo(), l.profile()));
        load(book);

        SimulationStaffUsers.create(context.getBean(IdentityService.class));
        try (LoanWorkers workers = new LoanWorkers(context.getBean(RuntimeService.class), settings.workers())) {
            return runDays(onDay, started, cpuStarted, dice, profiles, workers);
        }
    }

    private SimulationResult runDays(IntConsumer onDay, long started, long cpuStarted, Dice dice,
                                     Map<String, BehaviourProfile> profiles, LoanWorkers workers) {
        PaymentService payments = context.getBean(PaymentService.class);
        DueJobs jobs = new DueJobs(context.getBean(ManagementService.class), workers);
        Borrowers borrowers = new Borrowers(profiles, behaviour, dice, jdbc, payments, ZONE);
        SimulatedStaff staff = new SimulatedStaff(context.getBean(TaskService.class),
            new StaffBehaviour(borrowers, dice, jdbc, ZONE), clock, jobs, dice, settings, workers);
        DelinquencyScanService scan = context.getBean(DelinquencyScanService.class);
        PromiseSettlementService promises = context.getBean(PromiseSettlementService.class);
        LostContactStarts lostContact = context.getBean(LostContactStarts.class);
        PlanConfirmations plans = new PlanConfirmations(context.getBean(RuntimeService.class),
            context.getBean(PlanConfirmation.class), borrowers, dice, jdbc);

        List<DayPoint> days = new ArrayList<>();
        long tasksBefore = 0;
        long blockedBefore = 0;
        BigDecimal paidBefore = BigDecimal.ZERO;
        LocalDate last = settings.start();
        for (int d = 0; d < settings.days(); d++) {
            final LocalDate day = settings.start().plusDays(d);
            last = day;
            clock.set(day, 6, 0);
            timed("payments", () -> borrowers.payDay(day, workers));
            timed("scan", () -> scan.scan(day));
            timed("nightly", () -> {
                promises.settleDue(day, clock.instant());
                lostContact.startAll(day);
            });
            timed("jobs", jobs::runDue);
            timed("staff", () -> staff.workDay(day));
            clock.set(day, 23, 30);
            timed("jobs", jobs::runDue);
            timed("reminders", () -> borrowers.readReminders(day));
            timed("plans", () -> plans.answer(day, workers));
            long tasks = staff.completed() - tasksBefore;
            long blocked = staff.blocked() - blockedBefore;
            BigDecimal paid = borrowers.postedAmount().subtract(paidBefore);
            timed("series", () -> days.add(point(day, tasks, blocked, paid)));
            tasksBefore = staff.completed();
            blockedBefore = staff.blocked();
            paidBefore = borrowers.postedAmount();
            onDay.accept(d + 1);
        }
        Kpis kpis = context.getBean(KpiCalculator.class).compute(last);
        long cases = count("SELECT COUNT(*) FROM collection_case");
        return new SimulationResult(strategy, settings, days, kpis, cases, staff.completed(), staff.blocked(),
            staff.offHoursAttempts(), jobs.executed(), borrowers.posted(), borrowers.postedAmount(), plans.confirmed(),
            jobs.failures(), staff.errors(), staff.unhandled(), Duration.ofNanos(System.nanoTime() - started),
            Duration.ofNanos(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted
                + workers.workerCpuNanos()));
    }

    private final Map<String, Long> phaseNanos = new java.util.LinkedHashMap<>();

    private void timed(String phase, Runnable step) {
        long t = System.nanoTime();
        step.run();
        phaseNanos.merge(phase, System.nanoTime() - t, Long::sum);
    }

    /** Seconds spent per phase of the simulated days (payments, scan, jobs, staff, reminders, series). */
    public Map<String, Double> phaseSeconds() {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        phaseNanos.forEach((k, v) -> seconds.put(k, Math.round(v / 1e7) / 100.0));
        return seconds;
    }

    private void load(List<SyntheticPortfolio.SimLoan> book) {
        PaymentService payments = context.getBean(PaymentService.class);
        LoanBookService loans = context.getBean(LoanBookService.class);
        for (int from = 0; from < book.size(); from += LOAN_BATCH) {
            loans.createLoans(book.subList(from, Math.min(book.size(), from + LOAN_BATCH)).stream()
                .map(SyntheticPortfolio.SimLoan::loan).toList());
        }
        book.stream().flatMap(l -> l.history().stream()).forEach(payments::post);
    }

    private DayPoint point(LocalDate day, long tasks, long blocked, BigDecimal paid) {
        Map<String, Object> book = jdbc.queryForMap("""
            SELECT COUNT(*) AS active, SUM(CASE WHEN dpd >= 1 THEN 1 ELSE 0 END) AS o1,
                   SUM(CASE WHEN dpd >= 30 THEN 1 ELSE 0 END) AS o30, SUM(CASE WHEN dpd >= 60 THEN 1 ELSE 0 END) AS o60,
                   SUM(CASE WHEN dpd >= 90 THEN 1 ELSE 0 END) AS o90
              FROM loan WHERE status = 'ACTIVE'""");
        long open = count("SELECT COUNT(*) FROM collection_case WHERE status = 'ACTIVE'");
        long opened = count("SELECT COUNT(*) FROM collection_case");
        long cured = count("SELECT COUNT(*) FROM collection_case WHERE status = 'CURED'");
        Long contacts = jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE occurred_at >= ? AND occurred_at < ?",
            Long.class, Timestamp.from(day.atStartOfDay(ZONE).toInstant()),
            Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant()));
        Map<String, Object> queue = jdbc.queryForMap(
            "SELECT COUNT(*) AS open_tasks, SUM(CASE WHEN DUE_DATE_ < ? THEN 1 ELSE 0 END) AS past_due FROM ACT_RU_TASK",
            Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant()));
        return new DayPoint(day, number(book.get("active")), number(book.get("o1")), number(book.get("o30")),
            number(book.get("o60")), number(book.get("o90")), open, opened, cured, tasks,
            contacts == null ? 0 : contacts, blocked, paid, number(queue.get("open_tasks")),
            number(queue.get("past_due")));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** The simulation's database, for checks after a run. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
        SimulatedClock.reset();
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 160) : line;
    }

    /** The failure's first line and, when it wraps another (Camunda's "persistence layer" message), the root cause's. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? firstLine(e) : firstLine(e) + " <- " + firstLine(root);
    }
}
