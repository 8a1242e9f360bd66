package io.collectflow.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The borrower behaviour a simulation runs with: the profiles' defaults ({@link BehaviourProfile}) or a
 * scenario that overrides some of them from a properties file ({@code -Dbehaviour=recession.properties}), e.g.
 * {@code unemployed.share = 0.10} and {@code punctual.share = 0.74} for a downturn, or {@code forgetful.answer =
 * 0.6}. Keys are {@code <profile>.<parameter>}: profiles {@code punctual, forgetful, cash_flow, unemployed,
 * malicious}, parameters {@code share, miss, payAfterReminder, answer, promise, keep, plan, refuse, agencyPay}
 * (the meanings in {@link BehaviourProfile}). Every value is a probability in [0, 1]; the shares must still add
 * up to 1. A bad file is refused before the engine starts, naming the key.
 */
final class BehaviourModel {

    /** A profile's probabilities in this model; {@link #PARAMETERS} names them in the order of the components. */
    record Parameters(double share, double miss, double payAfterReminder, double answer, double promise, double keep,
                      double plan, double refuse, double agencyPay) {

        static Parameters of(double[] v) {
            return new Parameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }

        double[] values() {
            return new double[] {share, miss, payAfterReminder, answer, promise, keep, plan, refuse, agencyPay};
        }
    }

    static final List<String> PARAMETERS = List.of("share", "miss", "payAfterReminder", "answer", "promise", "keep",
        "plan", "refuse", "agencyPay");

    private final Map<BehaviourProfile, Parameters> parameters;
    private final List<String> overrides;

    private BehaviourModel(Map<BehaviourProfile, Parameters> parameters, List<String> overrides) {
        this.parameters = parameters;
        this.overrides = List.copyOf(overrides);
    }

    static BehaviourModel defaults() {
        Map<BehaviourProfile, Parameters> parameters = new EnumMap<>(BehaviourProfile.class);
        for (BehaviourProfile p : BehaviourProfile.values()) {
            parameters.put(p, new Parameters(p.share(), p.miss(), p.payAfterReminder(), p.answer(), p.promise(),
                p.keep(), p.plan(), p.refuse(), p.agencyPay()));
        }
        return new BehaviourModel(parameters, List.of());
    }

    /** The settings' scenario file, or the defaults when there is none. */
    static BehaviourModel of(SimulationSettings settings) {
        return settings.behaviour() == null ? defaults() : load(settings.behaviour());
    }

    /** The defaults with the file's values instead; an unknown key, a bad value or shares not adding up to 1 fail. */
    static BehaviourModel load(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the behaviour file " + file.toAbsolutePath() + ": "
                + e.getMessage(), e);
        }
        Map<BehaviourProfile, double[]> table = new EnumMap<>(BehaviourProfile.class);
        defaults().parameters.forEach((p, v) -> table.put(p, v.values()));
        List<String> overrides = new ArrayList<>();
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            String where = "behaviour file " + file + ", key " + key;
            int dot = key.indexOf('.');
            BehaviourProfile profile = dot < 0 ? null : profile(key.substring(0, dot));
            int index = dot < 0 ? -1 : PARAMETERS.indexOf(key.substring(dot + 1));
            if (profile == null || index < 0) {
                throw new IllegalArgumentException(where + ": not <profile>.<parameter> with a profile of "
                    + profileNames() + " and a parameter of " + PARAMETERS);
            }
            double value;
            try {
                value = Double.parseDouble(values.getProperty(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + values.getProperty(key).trim() + "' is not a number");
            }
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(where + ": " + value + " is not a probability between 0 and 1");
            }
            table.get(profile)[index] = value;
            overrides.add(key + "=" + value);
        }
        double shares = table.values().stream().mapToDouble(v -> v[0]).sum();
        if (Math.abs(shares - 1) > 1e-6) {
            throw new IllegalArgumentException("behaviour file " + file + ": the profiles' shares add up to " + shares
                + ", not 1");
        }
        Map<BehaviourProfile, Parameters> parameters = new EnumMap<>(BehaviourProfile.class);
        table.forEach((p, v) -> parameters.put(p, Parameters.of(v)));
        return new BehaviourModel(parameters, overrides);
    }

    Parameters of(BehaviourProfile profile) {
        return parameters.get(profile);
    }

    /** The profile at position {@code u} in [0, 1) of the cumulative shares. */
    BehaviourProfile at(double u) {
        double cumulative = 0;
        BehaviourProfile last = BehaviourProfile.PUNCTUAL;
        for (BehaviourProfile p : BehaviourProfile.values()) {
            cumulative += parameters.get(p).share();
            if (parameters.get(p).share() > 0) {
                last = p;
            }
            if (u < cumulative) {
                return p;
            }
        }
        return last;
    }

    /** What differs from the defaults ({@code key=value}), for the report. */
    List<String> overrides() {
        return overrides;
    }

    private static BehaviourProfile profile(String name) {
        for (BehaviourProfile p : BehaviourProfile.values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                return p;
            }
        }
        return null;
    }

    private static List<String> profileNames() {
        return Arrays.stream(BehaviourProfile.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    }
}
