package eventdesk.testing;

import io.restassured.response.Response;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Submits forms as a browser does: GET the page, send back its CSRF field and cookie. */
public final class Forms {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Forms() {
    }

    public static Response submit(String pagePath, String actionPath, Map<String, ?> fields, String lang) {
        Response page = given().header("Accept-Language", lang).when().get(pagePath);
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on " + pagePath + ": " + page.asString());
        return given().redirects().follow(false)
                .header("Accept-Language", lang)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .formParam("csrf-token", m.group(1))
                .when().post(actionPath);
    }

    /** The first link in a text that starts with the given prefix. */
    public static String link(String text, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_\\-/.]+").matcher(text);
        if (!m.find()) throw new AssertionError("no link " + prefix + " in: " + text);
        return m.group();
    }
}
