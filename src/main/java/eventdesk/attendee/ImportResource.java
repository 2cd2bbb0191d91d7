package eventdesk.attendee;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.registration.ApprovalService;
import eventdesk.registration.EventHead;
import eventdesk.registration.Guest;
import eventdesk.registration.Guest.Verdict;
import eventdesk.registration.GuestService;
import eventdesk.registration.TypeRow;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.web.FormPage;
import eventdesk.web.InvalidInput;
import eventdesk.web.Lang;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organizer imports a list of invitees from a file, linked from the attendee page: the upload form, a
 * preview of every row and its problems (nothing is stored), and the confirm step, which seats the rows ready
 * through {@link GuestService} or mails each a personal invitation code through {@link ApprovalService}. The
 * rows travel to the confirm step in the preview page's form, not on the server, and are read and checked
 * there again exactly as the upload was.
 */
@Needs(eventdesk.team.Role.MANAGER)
@Path("/admin/events/{slug}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportResource implements FormPage {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    GuestService guests;
    @Inject
    ApprovalService approvals;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    /** What happens to each person of the list: seated as confirmed or pending, or mailed a personal code. */
    enum Mode {
        CONFIRMED, PENDING, CODES;

        /** The form's value ({@code confirmed}, {@code pending}, {@code codes}), or null when it is none of them. */
        static Mode of(String value) {
            for (Mode m : values()) if (m.value().equals(value)) return m;
            return null;
        }

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The event as the import's pages show it: its head, its types, and what organizers may write for them. */
    record Shown(EventHead head, List<TypeRow> types, ImportList.Types names) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(EventHead e, List<TypeRow> types, String typeKeys, String mode, Map<String, String> errors);

        static native TemplateInstance preview(EventHead e, boolean hasTypes, String mode, String file, List<ImportList.Line> problems,
                                               List<ImportList.Line> ready, List<String> carried);

        static native TemplateInstance result(EventHead e, boolean hasTypes, String mode, int done, List<ImportList.Line> notDone);
    }

    @GET
    public TemplateInstance form(@PathParam("slug") String slug) {
        return form(slug, Mode.PENDING.value(), Map.of());
    }

    /** Reads the file and shows every row with its problem, or the form again with why the file gives no list. Stores nothing. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance preview(@PathParam("slug") String slug, @RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        Mode m = Mode.of(mode);
        if (m == null) throw new Refused(slug, mode, "mode", "required", null);
        if (file == null || file.size() == 0 && (file.fileName() == null || file.fileName().isBlank())) {
            throw new Refused(slug, mode, "file", "required", null);
        }
        if (file.size() > ImportFile.MAX_BYTES) throw new Refused(slug, mode, "file", "too_big", megabytes(file.size()));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ImportFile.Row> rows;
        try {
            rows = ImportFile.read(bytes);
        } catch (ImportFile.Unreadable u) {
            String detail = u.why == ImportFile.Why.TOO_BIG ? megabytes(bytes.length)
                    : String.join(", ", u.missing.stream().map(c -> c.shown).toList());
            throw new Refused(slug, mode, "file", u.why.name().toLowerCase(Locale.ROOT), detail);
        }
        Shown shown = shown(slug);
        List<Guest> list = ImportList.guests(rows, shown.names(), m == Mode.CONFIRMED);
        Instant now = Instant.now(clock);
        List<Verdict> verdicts = m == Mode.CODES ? approvals.checkCodes(slug, list, now) : guests.check(slug, list, now);
        List<Long> registered = verdicts.stream().filter(v -> v.problem() == Verdict.Problem.REGISTERED)
                .map(Verdict::registration).toList();
        if (!registered.isEmpty()) {
            accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(slug).withRegistrations(registered)
                    .withFilter("import preview: already registered", registered.size()));
        }
        List<ImportList.Line> lines = lines(rows, verdicts, shown, true);
        List<ImportList.Line> problems = new ArrayList<>();
        List<ImportList.Line> ready = new ArrayList<>();
        List<ImportFile.Row> carried = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (verdicts.get(i).ok() ? ready : problems).add(lines.get(i));
            if (verdicts.get(i).ok()) carried.add(ImportList.canonical(rows.get(i), shown.names()));
        }
        String name = file.fileName() == null ? "" : file.fileName();
        return lang.page(Templates.preview(shown.head(), !shown.types().isEmpty(), m.value(), name, problems, ready,
                carried.isEmpty() ? List.of() : ImportFile.carried(carried)));
    }

    /**
     * Imports the rows the preview carried, read and checked again as the upload was: seats them (one access log
     * entry, EDIT_REGISTRATION) or mails each a code (MAKE_CODES), and says how many and who not, and why.
     */
    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance confirm(@PathParam("slug") String slug, @RestForm("rows") List<String> carried, @RestForm("mode") String mode) {
        Mode m = Mode.of(mode);
        if (m == null) throw new Refused(slug, mode, "mode", "required", null);
        List<ImportFile.Row> rows;
        try {
            rows = ImportFile.csv(String.join("", carried == null ? List.of() : carried));
        } catch (ImportFile.Unreadable u) {
            throw new Refused(slug, mode, "file", "carried", null);
        }
        Shown shown = shown(slug);
        List<Guest> list = ImportList.guests(rows, shown.names(), m == Mode.CONFIRMED);
        Instant now = Instant.now(clock);
        List<Verdict> verdicts = m == Mode.CODES
                ? approvals.mailCodes(slug, list, now, caller.entry(AccessAction.MAKE_CODES).because("import"))
                : guests.addAll(slug, list, now, caller.entry(AccessAction.EDIT_REGISTRATION).because("import"));
        List<ImportList.Line> lines = lines(rows, verdicts, shown, false);
        List<ImportList.Line> notDone = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (!verdicts.get(i).ok()) notDone.add(lines.get(i));
        EventHead after = shown(slug).head();
        return lang.page(Templates.result(after, !shown.types().isEmpty(), m.value(), rows.size() - notDone.size(), notDone));
    }

    /** The form again after a refused upload: the mode chosen and why the file gives no list. */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (!(refused instanceof Refused r)) return Optional.empty();
        ImportTexts t = lang.bundle(ImportTexts.class);
        String code = r.problems.values().iterator().next();
        String error = switch (code) {
            case "required" -> r.problems.containsKey("mode") ? t.error_mode() : t.error_required();
            case "too_big" -> t.error_too_big(r.detail);
            case "unpacked_too_big" -> t.error_unpacked_too_big();
            case "old_excel" -> t.error_old_excel();
            case "characters" -> t.error_characters();
            case "columns" -> t.error_columns(r.detail);
            case "empty" -> t.error_empty();
            case "too_many_rows" -> t.error_too_many_rows();
            case "carried" -> t.error_carried();
            default -> t.error_not_a_table();
        };
        return Optional.of(form(r.slug, Mode.of(r.mode) == null ? "" : r.mode, Map.of(r.problems.keySet().iterator().next(), error)));
    }

    @Transactional
    TemplateInstance form(String slug, String mode, Map<String, String> errors) {
        Shown shown = shown(slug);
        String keys = String.join(", ", shown.types().stream().map(t -> t.key() + " (" + t.name() + ")").toList());
        return lang.page(Templates.form(shown.head(), shown.types(), keys, mode, errors));
    }

    @Transactional
    Shown shown(String slug) {
        Event e = Event.bySlugWithTypes(slug).orElseThrow(NotFoundException::new);
        return new Shown(EventHead.of(e, lang), TypeRow.of(e, lang.locale()), ImportList.Types.of(e, lang.locale()));
    }

    private List<ImportList.Line> lines(List<ImportFile.Row> rows, List<Verdict> verdicts, Shown shown, boolean numbered) {
        return ImportList.lines(rows, verdicts, shown.names(), numbered, lang.bundle(ImportTexts.class), lang.msg(),
                lang.bundle(TicketMsg.class), lang.locale());
    }

    /** A size as people read it: "2.4 MB". */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** An upload (or a carried list) that gives no list: the form again (422) with why; nothing was stored. */
    static final class Refused extends InvalidInput {
        final String slug;
        final String mode;
        final String detail;

        Refused(String slug, String mode, String field, String code, String detail) {
            super("import refused", Map.of(field, code));
            this.slug = slug;
            this.mode = mode;
            this.detail = detail;
        }

        @Override
        protected String title() {
            return "Invalid list";
        }
    }
}
