package eventdesk.web;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.qute.i18n.Message;

import static org.assertj.core.api.Assertions.assertThat;

/** Every English text has its Korean text, with the same parameters, and nothing extra. */
class MessageBundleTest {

    @Test
    void everyMessageHasKoreanTextWithTheSameParameters() throws Exception {
        Properties ko = new Properties();
        try (var in = getClass().getResourceAsStream("/messages/msg_ko.properties")) {
            assertThat(in).as("messages/msg_ko.properties").isNotNull();
            ko.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(ko.stringPropertyNames())).as("Korean keys").isEqualTo(keys);
        for (Method m : Msg.class.getDeclaredMethods()) {
            String en = m.getAnnotation(Message.class).value();
            String kr = ko.getProperty(m.getName());
            assertThat(kr).as(m.getName()).isNotBlank();
            assertThat(params(kr)).as("parameters of " + m.getName()).isEqualTo(params(en));
        }
    }

    private static Set<String> params(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (matcher.find()) found.add(matcher.group(1));
        return found;
    }
}
