package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Guest;
import eventdesk.registration.Guest.Verdict;
import eventdesk.registration.RegistrationLabels;
import eventdesk.registration.Role;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An imported file's rows as guests of one event, read as organizers write them (a role, ticket type or
 * language in either language), and each row as the preview and the result show it. Judging the rows is the
 * services' work; this only reads and words.
 */
final class ImportList {

    private ImportList() {
    }

    /** One row on a page: as the file has it (role, type and language as understood when they could be) and its problem. */
    public record Line(int row, String name, String email, String affiliation, String role, String type, String language,
                       String problem) {
    }

    /** What organizers may write for the event's ticket types (key, Korean or English name, any case) and their keys. */
    record Types(Map<String, String> keys, Map<String, String> names) {

        static Types of(Event event, Locale shown) {
            Map<String, String> keys = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (TicketType t : event.ticketTypes) {
                for (String said : List.of(t.key, t.name(Locale.KOREAN), t.name(Locale.ENGLISH))) keys.putIfAbsent(said(said), t.key);
                names.put(t.key, t.name(shown));
            }
            return new Types(Map.copyOf(keys), Map.copyOf(names));
        }

        /** The type's key, or the text as written when it names no type (the check then calls it unknown). */
        String key(String written) {
            return written.isBlank() ? null : keys.getOrDefault(said(written), written);
        }
    }

    /** The person of a row, seated as confirmed or pending (ignored for codes). */
    static Guest guest(ImportFile.Row row, Types types, boolean confirmed) {
        Guest g = new Guest();
        g.name = row.name();
        g.email = row.email();
        g.affiliation = row.affiliation();
        g.role = role(row.role());
        g.locale = language(row.language());
        g.ticketType = types.key(row.ticketType());
        g.confirmed = confirmed;
        return g;
    }

    /**
     * The row with its role, ticket type and language as their constant, key and code (what {@link #guest} reads
     * them as): the confirm step carries these, shorter than what organizers may write and read the same way.
     */
    static ImportFile.Row canonical(ImportFile.Row row, Types types) {
        String key = types.key(row.ticketType());
        return new ImportFile.Row(row.line(), row.name(), row.email(), row.affiliation(), role(row.role()), key == null ? "" : key,
                language(row.language()));
    }

    static List<Guest> guests(List<ImportFile.Row> rows, Types types, boolean confirmed) {
        return rows.stream().map(r -> guest(r, types, confirmed)).toList();
    }

    /** A role by its constant or its label in either language; OTHER when blank; as written when unknown. */
    static String role(String written) {
        if (written.isBlank()) return Role.OTHER.name();
        for (Role r : Role.values()) {
            for (String lang : List.of("ko", "en")) {
                if (said(written).equals(said(labels(lang).role(r)))) return r.name();
            }
            if (said(written).equals(said(r.name()))) return r.name();
        }
        return written;
    }

    /** ko or en, also as a word in either language; Korean when blank; as written when unknown. */
    static String language(String written) {
        return switch (said(written)) {
            case "", "ko", "kr", "kor", "korean", "한국어", "한국", "국문" -> "ko";
            case "en", "eng", "english", "영어", "영문" -> "en";
            default -> written;
        };
    }

    /**
     * The rows as a page shows them, each with the words for its verdict; {@code numbered} when the rows' numbers
     * are the file's (the preview), not those of the list carried to the confirm step.
     */
    static List<Line> lines(List<ImportFile.Row> rows, List<Verdict> verdicts, Types types, boolean numbered, ImportTexts t,
                            Msg msg, TicketMsg tix, Locale locale) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportFile.Row r = rows.get(i);
            Verdict v = verdicts.get(i);
            String role = role(r.role());
            String lang = language(r.language());
            String key = types.key(r.ticketType());
            int earlier = numbered && v.problem() == Verdict.Problem.REPEATED ? rows.get(v.sameAs()).line() : -1;
            String problem = v.ok() ? null : problem(v, earlier, t, msg, tix);
            lines.add(new Line(r.line(), r.name(), r.email(), r.affiliation(),
                    isRole(role) ? MessageBundles.get(RegistrationLabels.class, Localized.Literal.of(locale.getLanguage()))
                            .role(Role.valueOf(role)) : r.role(),
                    key == null ? "" : types.names().getOrDefault(key, r.ticketType()),
                    lang.equals("ko") ? msg.locale_ko() : lang.equals("en") ? msg.locale_en() : r.language(), problem));
        }
        return lines;
    }

    /** Why a row was not (or would not be) imported, in the organizer's words; {@code earlierRow} for a repeat, or -1. */
    static String problem(Verdict v, int earlierRow, ImportTexts t, Msg msg, TicketMsg tix) {
        return switch (v.problem()) {
            case INVALID -> String.join("; ", v.fields().entrySet().stream().map(f -> field(f.getKey(), f.getValue(), t, msg, tix)).toList());
            case REPEATED -> earlierRow > 0 ? t.p_repeated_row(earlierRow) : t.p_repeated();
            case REGISTERED -> t.p_registered();
            case HAS_CODE -> t.p_has_code();
            case NO_SEAT -> t.p_no_seat();
            case CANCELLED -> t.p_cancelled();
            case DRAW -> t.p_draw();
            case STARTED -> t.p_started();
        };
    }

    private static String field(String field, String code, ImportTexts t, Msg msg, TicketMsg tix) {
        return switch (field + ":" + code) {
            case "name:required" -> t.p_name_missing();
            case "email:required" -> t.p_email_missing();
            case "email:invalid_email" -> t.p_email_invalid();
            case "affiliation:required" -> t.p_affiliation_missing();
            case "ticketType:required" -> t.p_type_missing();
            case "ticketType:invalid_choice" -> t.p_type_unknown();
            case "role:invalid_choice" -> t.p_role_unknown();
            case "locale:invalid_choice" -> t.p_language_unknown();
            default -> t.p_field(switch (field) {
                case "name" -> msg.field_name();
                case "email" -> msg.field_email();
                case "affiliation" -> msg.field_affiliation();
                case "role" -> msg.field_role();
                case "ticketType" -> tix.field_type();
                default -> t.col_language();
            }, Guest.text(field, code, msg, tix));
        };
    }

    private static boolean isRole(String value) {
        for (Role r : Role.values()) if (r.name().equals(value)) return true;
        return false;
    }

    private static RegistrationLabels labels(String lang) {
        return MessageBundles.get(RegistrationLabels.class, Localized.Literal.of(lang));
    }

    /** Text as compared: no surrounding or inner blanks, lower case. */
    private static String said(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u00a0]", "").toLowerCase(Locale.ROOT);
    }
}
