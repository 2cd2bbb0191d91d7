package eventdesk.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {

    /** {@code {q.urlEncode}}: a value placed in a query string. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
