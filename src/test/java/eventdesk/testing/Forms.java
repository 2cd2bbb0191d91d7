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
        return submit(pagePath, actionPath, fields, lang, false);
    }

    /** As the organizer (HTTP Basic admin/admin). */
    public static Response submitAsAdmin(String pagePath, String actionPath, Map<String, ?> fields) {
        return submit(pagePath, actionPath, fields, "en", true);
    }

    /** As the organizer whose sign-in cookie this is. */
    public static Response submitWithSession(String session, String pagePath, String actionPath, Map<String, ?> fields, String lang) {
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> as = () -> given().cookie("quarkus-credential", session);
        Response page = as.get().header("Accept-Language", lang).when().get(pagePath);
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on " + pagePath + ": " + page.asString());
        return as.get().redirects().follow(false).header("Accept-Language", lang).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields)
                .formParam("csrf-token", m.group(1)).when().post(actionPath);
    }

    private static io.restassured.specification.RequestSpecification as(boolean admin) {
        return admin ? given().auth().preemptive().basic("admin", "admin") : given();
    }

    private static Response submit(String pagePath, String actionPath, Map<String, ?> fields, String lang, boolean admin) {
        Response page = as(admin).header("Accept-Language", lang).when().get(pagePath);
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on " + pagePath + ": " + page.asString());
        return as(admin).redirects().follow(false)
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
