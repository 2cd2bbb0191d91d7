package eventdesk.web;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration table in docs/operations.md lists exactly the settings the code reads: every
 * key of {@link EventdeskConfig} (its methods and nested groups, kebab-case, or {@code @WithName}) and
 * every {@code ${eventdesk.…}} a job's schedule reads, each with its environment variable and, where
 * the code has one, its default.
 */
class ConfigurationDocsTest {

    static final Path OPERATIONS = Path.of("docs", "operations.md");
    static final Path MAIN_SOURCES = Path.of("src", "main", "java");
    static final Pattern KEY_IN_CELL = Pattern.compile("`(eventdesk\\.[a-z0-9.-]+)`");
    static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{(eventdesk\\.[a-z0-9.-]+)(?::([^}]*))?}");

    @Test
    void theTableListsEveryKeyTheCodeReadsAndNoOther() throws IOException {
        Map<String, Row> documented = documentedKeys();
        Map<String, Optional<String>> inCode = codeKeys();

        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(inCode.keySet())) {
            if (!documented.containsKey(key)) {
                problems.add(key + " is read by the code but missing from the configuration table of " + OPERATIONS);
            }
        }
        for (String key : new TreeSet<>(documented.keySet())) {
            if (!inCode.containsKey(key)) {
                problems.add(key + " is in the configuration table of " + OPERATIONS
                        + " but no setting of eventdesk.web.EventdeskConfig or ${" + key + "} in " + MAIN_SOURCES + " reads it");
            }
        }
        assertThat(problems).as("configuration table vs. code").isEmpty();
    }

    @Test
    void eachRowNamesTheEnvironmentVariableAndTheCodesDefault() throws IOException {
        Map<String, Row> documented = documentedKeys();
        Map<String, Optional<String>> inCode = codeKeys();

        List<String> problems = new ArrayList<>();
        documented.forEach((key, row) -> {
            String env = "`" + key.toUpperCase().replace('.', '_').replace('-', '_') + "`";
            if (!row.keyCell().contains(env)) problems.add(key + ": the row should name its environment variable " + env);
            Optional<String> defaultValue = inCode.getOrDefault(key, Optional.empty());
            if (defaultValue.isPresent() && !row.defaultCell().contains("`" + defaultValue.get() + "`")) {
                problems.add(key + ": the default column should say `" + defaultValue.get() + "` (the code's default), not: "
                        + row.defaultCell());
            }
        });
        assertThat(problems).as("rows of the configuration table").isEmpty();
    }

    @Test
    void theCodeKeysAreReadAsQuarkusNamesThem() {
        Map<String, Optional<String>> keys = codeKeys(EventdeskConfig.class);
        assertThat(keys).containsEntry("eventdesk.base-url", Optional.empty())
                .containsEntry("eventdesk.outbox.keep-sent-bodies", Optional.of("false"))
                .containsEntry("eventdesk.admin.username", Optional.empty())
                .doesNotContainKeys("eventdesk.admin", "eventdesk.outbox");
    }

    /** A row of the table: its first cell (keys and environment variables) and its last (the default). */
    record Row(String keyCell, String defaultCell) {
    }

    /** The eventdesk keys in the first column of the tables under "## Configuration" in docs/operations.md. */
    static Map<String, Row> documentedKeys() throws IOException {
        assertThat(OPERATIONS).as("the operations guide").exists();
        List<String> lines = Files.readAllLines(OPERATIONS);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("a \"## Configuration\" section in " + OPERATIONS).isNotNegative();
        Map<String, Row> keys = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (!line.startsWith("|")) continue;
            String[] cells = line.split("\\|");
            if (cells.length < 3) continue;
            Matcher m = KEY_IN_CELL.matcher(cells[1]);
            while (m.find()) {
                assertThat(keys).as(m.group(1) + " is listed twice").doesNotContainKey(m.group(1));
                keys.put(m.group(1), new Row(cells[1], cells[cells.length - 1]));
            }
        }
        assertThat(keys).as("eventdesk keys in the configuration table of " + OPERATIONS).isNotEmpty();
        return keys;
    }

    /** Every eventdesk key the code reads, with its default where the code gives one. */
    static Map<String, Optional<String>> codeKeys() throws IOException {
        Map<String, Optional<String>> keys = codeKeys(EventdeskConfig.class);
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = PROPERTY_EXPRESSION.matcher(Files.readString(file));
                while (m.find()) keys.put(m.group(1), Optional.ofNullable(m.group(2)));
            }
        }
        return keys;
    }

    /** The keys of a {@code @ConfigMapping(prefix = "eventdesk")} interface, as SmallRye Config names them. */
    static Map<String, Optional<String>> codeKeys(Class<?> mapping) {
        String prefix = mapping.getAnnotation(io.smallrye.config.ConfigMapping.class).prefix();
        Map<String, Optional<String>> keys = new TreeMap<>();
        collect(mapping, prefix, keys);
        return keys;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Optional<String>> keys) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || method.getParameterCount() > 0 || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? null
                    : method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                    : kebab(method.getName());
            String key = name == null ? prefix : prefix + "." + name;
            Class<?> nested = nestedGroup(method.getGenericReturnType());
            if (nested != null) {
                collect(nested, key, keys);
            } else {
                WithDefault d = method.getAnnotation(WithDefault.class);
                keys.put(key, Optional.ofNullable(d).map(WithDefault::value));
            }
        }
    }

    /** The group interface a method returns (directly or in an Optional), or null for a value. */
    private static Class<?> nestedGroup(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) type = p.getActualTypeArguments()[0];
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("eventdesk.") ? c : null;
    }

    /** holdDuration → hold-duration, the name SmallRye Config gives a mapping method. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
