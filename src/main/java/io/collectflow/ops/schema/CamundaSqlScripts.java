package io.collectflow.ops.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SQL scripts Camunda ships inside its engine jar ({@code org/camunda/bpm/engine/db/...}):
 * the create scripts of a database type in the order the engine itself runs them, and the
 * upgrade scripts that lead from one schema version to another.
 */
final class CamundaSqlScripts {

    private static final String DB = "org/camunda/bpm/engine/db/";
    private static final String PRODUCT_INFO = "org/camunda/bpm/engine/product-info.properties";
    /** the order of DbSqlSession#dbSchemaCreate: engine, history, identity, CMMN, DMN */
    private static final List<String> CREATE_COMPONENTS = List.of(
        "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");
    /** fragment of the JDBC product name -> Camunda's database type (mariadb before mysql) */
    private static final Map<String, String> DATABASE_TYPES = orderedMap(
        "postgres", "postgres", "h2", "h2", "mariadb", "mariadb", "mysql", "mysql",
        "oracle", "oracle", "sql server", "mssql", "db2", "db2");
    private static final Pattern MINOR_SCRIPT = Pattern.compile("(\\w+)_engine_(\\d+\\.\\d+)_to_(\\d+\\.\\d+)\\.sql");
    private static final Pattern PATCH_SCRIPT =
        Pattern.compile("(\\w+)_engine_(\\d+\\.\\d+)_patch_([\\d.]+)_to_([\\d.]+?)(?:_(\\d+))?\\.sql");

    private final String databaseType;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    CamundaSqlScripts(String databaseType) {
        this.databaseType = databaseType;
    }

    /** Camunda's name for the database behind a JDBC product name (DatabaseMetaData#getDatabaseProductName). */
    static String databaseType(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        return DATABASE_TYPES.entrySet().stream()
            .filter(entry -> name.contains(entry.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Camunda ships no SQL scripts for database '" + productName + "'"));
    }

    /** The version of the engine on the classpath (its product-info.properties). */
    static EngineVersion engineVersion() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(PRODUCT_INFO).getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Camunda engine version", e);
        }
        return EngineVersion.parse(properties.getProperty("camunda.version"));
    }

    List<Resource> createScripts() {
        List<Resource> scripts = new ArrayList<>();
        for (String component : CREATE_COMPONENTS) {
            Resource script = new ClassPathResource(DB + "create/activiti." + databaseType + ".create." + component + ".sql");
            if (!script.exists()) {
                throw new IllegalStateException("missing Camunda create script " + script.getDescription());
            }
            scripts.add(script);
        }
        return scripts;
    }

    /**
     * The scripts that take a schema from {@code from} to {@code to}: the patch scripts of the
     * current minor version from its patch level on, then every minor step in turn.
     */
    List<Resource> upgradeScripts(EngineVersion from, EngineVersion to) {
        List<Resource> scripts = new ArrayList<>(patchScripts(from, to));
        EngineVersion current = from;
        while (!current.sameMinor(to)) {
            String fromMinor = current.minorVersion();
            Resource step = upgradeResources().stream()
                .filter(resource -> matches(MINOR_SCRIPT, resource, 2, fromMinor))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Camunda upgrade script from " + fromMinor
                    + " for database " + databaseType + " in the engine jar (upgrading to " + to + ")"));
            scripts.add(step);
            Matcher matcher = MINOR_SCRIPT.matcher(step.getFilename());
            matcher.matches();
            current = EngineVersion.parse(matcher.group(3));
        }
        return scripts;
    }

    private List<Resource> patchScripts(EngineVersion from, EngineVersion to) {
        EngineVersion limit = from.sameMinor(to) ? to : new EngineVersion(from.major(), from.minor(), Integer.MAX_VALUE);
        record Patch(EngineVersion from, int part, Resource resource) {
        }
        List<Patch> patches = new ArrayList<>();
        for (Resource resource : upgradeResources()) {
            Matcher matcher = PATCH_SCRIPT.matcher(resource.getFilename());
            if (matcher.matches() && matcher.group(1).equals(databaseType)) {
                EngineVersion patchFrom = EngineVersion.parse(matcher.group(3));
                if (patchFrom.sameMinor(from) && patchFrom.compareTo(from) >= 0 && patchFrom.compareTo(limit) < 0) {
                    int part = matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5));
                    patches.add(new Patch(patchFrom, part, resource));
                }
            }
        }
        patches.sort(Comparator.comparing(Patch::from).thenComparingInt(Patch::part));
        return patches.stream().map(Patch::resource).toList();
    }

    private boolean matches(Pattern pattern, Resource resource, int group, String value) {
        Matcher matcher = pattern.matcher(resource.getFilename());
        return matcher.matches() && matcher.group(1).equals(databaseType) && matcher.group(group).equals(value);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private List<Resource> upgradeResources() {
        try {
            return List.of(resolver.getResources("classpath*:" + DB + "upgrade/" + databaseType + "_engine_*.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Camunda upgrade scripts", e);
        }
    }
}
