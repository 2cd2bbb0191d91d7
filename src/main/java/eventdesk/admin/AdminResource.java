package eventdesk.admin;

import eventdesk.attendance.AttendanceMessages;
import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.registration.DrawMessages;
import eventdesk.event.TicketType;
import eventdesk.registration.InvitationCode;
import eventdesk.event.Question;
import eventdesk.registration.Answers;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationException;
import eventdesk.registration.ApprovalService;
import eventdesk.registration.CheckInService;
import eventdesk.registration.DrawService;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizer area. Access is configured in application.properties (role admin on /admin/*,
 * form login or HTTP Basic); every form posts with the CSRF token; GETs change nothing.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    static final int PAGE_SIZE = 50;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    EventEditor editor;
    @Inject
    RegistrationService registrations;
    @Inject
    ApprovalService approvals;
    @Inject
    DrawService draws;
    @Inject
    AttendeeCsv csv;
    @Inject
    CheckIn checkIn;
    @Inject
    OrganizerSession session;
    @Inject
    SecurityIdentity identity;
    @Inject
    EventdeskConfig config;

    public record DashRow(String slug, String title, String when, EventStatus status, long capacity,
                          Registration.Counts counts, int percent, List<TypeRow> types, boolean draw) {
    }

    /** A ticket type's seats as the organizer sees them (from its counters). */
    public record TypeRow(String key, String name, long capacity, long taken, long heldRemaining, long held,
                          long waitlisted, boolean approvalRequired) {

        static TypeRow of(TicketType t, java.util.Locale locale) {
            return new TypeRow(t.key, t.name(locale), t.capacity, t.seatsTaken, t.heldRemaining(), t.held, t.waitlisted,
                    t.approvalRequired);
        }
    }

    /** An invitation code in the organizer's list: its first characters, for whom, and who used it. */
    public record CodeRow(String hint, String type, String email, String expiresAt, String usedAt, String usedBy,
                          String usedByEmail) {
    }

    /** The codes form as typed, for showing it again. */
    public record CodeFields(String count, String ticketType, String email, String expiresAt) {
    }

    public record EventHead(String slug, String title, String when, long capacity, Registration.Counts counts) {
    }

    /** A draw event's state for the organizer: counts before the draw, the "draw now" button once due. */
    public record DrawPanel(String drawAt, long applications, long verified, boolean due, String drawnAt, long drawn) {
    }

    /** One answer to a custom question as the attendee list shows it. */
    public record AnswerLine(String question, String answer) {
    }

    /** A form field the confirm step posts again as it came. */
    public record Hidden(String name, String value) {
    }

    /**
     * The confirm step of an irreversible action: what will happen and to whom, and a button that
     * posts the same form again with {@code confirmed=true}.
     */
    public record ConfirmStep(String question, String consequence, List<String> people, String action,
                              List<Hidden> fields, String button, String back) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance login(boolean error, long limited);

        public static native TemplateInstance dashboard(List<DashRow> events);

        public static native TemplateInstance edit(EventInput in, Map<String, String> errors, boolean creating,
                                                   boolean saved, EventStatus[] statuses, long defaultConfirmHours);

        public static native TemplateInstance attendees(EventHead e, List<AttendeeRow> rows, String q, String status,
                                                        int page, int pages, long total, String done,
                                                        List<AttendeeRow> waitlist, RegistrationStatus[] statuses,
                                                        List<TypeRow> types, String type, DrawPanel draw,
                                                        Map<Long, List<AnswerLine>> answers);

        public static native TemplateInstance applications(EventHead e, List<AttendeeRow> rows, String done, boolean changed,
                                                           boolean draw);

        public static native TemplateInstance confirm(ConfirmStep step);

        public static native TemplateInstance codes(EventHead e, List<TypeRow> types, List<CodeRow> codes,
                                                    List<String> created, String createdLinks, CodeFields form,
                                                    Map<String, String> errors);

        public static native TemplateInstance checkin(List<EventHead> events, String eventSlug, CheckIn.Outcome outcome,
                                                      String q, List<AttendeeRow> matches, AttendeeRow scanned);
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("limited") String limited) {
        // ?limited=N: too many sign-in attempts, try again in N minutes (see OrganizerIdentity)
        long minutes = limited != null && limited.matches("[1-9][0-9]{0,3}") ? Long.parseLong(limited) : 0;
        return lang.page(Templates.login(error, minutes));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        session.logout(identity.getPrincipal().getName());
        NewCookie gone = new NewCookie.Builder("quarkus-credential").path("/").maxAge(0).value("").build();
        return Response.seeOther(UriBuilder.fromPath("/admin/login").build()).cookie(gone).build();
    }

    @GET
    @Transactional
    public TemplateInstance dashboard() {
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        List<DashRow> rows = Event.soonestFirst(Instant.now(clock)).stream().map(e -> {
            Registration.Counts c = counts.getOrDefault(e.id, new Registration.Counts());
            return new DashRow(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), e.status, e.capacity,
                    c, c.percentFull(e), types(e), e.isDraw());
        }).toList();
        return lang.page(Templates.dashboard(rows));
    }

    /** The new-event form starts at Draft: nothing is public until the organizer publishes it. */
    @GET
    @Path("events/new")
    public TemplateInstance newEvent() {
        EventInput in = new EventInput();
        in.waitlistEnabled = true;
        in.status = EventStatus.draft.name();
        return lang.page(edit(in, Map.of(), true, false));
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        EventInput in = EventInput.fromForm(form);
        if (in.status == null || in.status.isBlank()) in.status = EventStatus.draft.name();
        try {
            Event e = editor.create(in, Instant.now(clock));
            return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}/edit").queryParam("saved", true)
                    .build(e.slug)).build();
        } catch (EventEditor.Invalid invalid) {
            return Response.status(422).entity(lang.page(edit(in, errors(invalid.problems, 0), true, false))).build();
        }
    }

    @GET
    @Path("events/{slug}/edit")
    @Transactional
    public TemplateInstance editForm(@PathParam("slug") String slug, @QueryParam("saved") boolean saved) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return lang.page(edit(EventInput.of(e), Map.of(), false, saved));
    }

    @POST
    @Path("events/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        EventInput in = EventInput.fromForm(form);
        in.slug = slug;
        try {
            editor.update(slug, current -> in, Instant.now(clock));
            return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}/edit").queryParam("saved", true)
                    .build(slug)).build();
        } catch (EventEditor.Invalid invalid) {
            long taken = taken(slug);
            return Response.status(422).entity(lang.page(edit(in, errors(invalid.problems, taken), false, false))).build();
        }
    }

    @GET
    @Path("events/{slug}")
    @Transactional
    public TemplateInstance attendees(@PathParam("slug") String slug, @QueryParam("q") String q,
                                      @QueryParam("status") String status, @QueryParam("page") String pageParam,
                                      @QueryParam("done") String done, @QueryParam("ticketType") String typeKey) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        RegistrationStatus filter = parseStatus(status);
        TicketType type = typeKey == null ? null : e.type(typeKey).orElse(null);
        PanacheQuery<Registration> query = Registration.search(e, q, filter, type);
        long total = query.count();
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        int page = Math.max(1, Math.min(parsePage(pageParam), pages));
        query.page(page - 1, PAGE_SIZE);
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        List<Registration> pageRows = query.list();
        List<AttendeeRow> rows = pageRows.stream()
                .map(r -> AttendeeRow.of(r, lang.locale(), positions.getOrDefault(r.id, 0L))).toList();
        List<AttendeeRow> waitlist = (type == null ? Registration.waitlist(e, 20) : Registration.waitlist(type, 20)).stream()
                .map(r -> AttendeeRow.of(r, lang.locale(), positions.getOrDefault(r.id, 0L))).toList();
        EventHead head = type == null ? head(e) : new EventHead(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt),
                type.capacity, Registration.counts(type));
        return lang.page(Templates.attendees(head, rows, q == null ? "" : q, filter == null ? "" : filter.name(),
                page, pages, total, done == null ? "" : done, waitlist,
                RegistrationStatus.values(), types(e), type == null ? "" : type.key, drawPanel(e), answers(e, pageRows)));
    }

    private DrawPanel drawPanel(Event e) {
        if (!e.isDraw()) return null;
        Instant now = Instant.now(clock);
        return new DrawPanel(lang.dateTime(e.drawAt), e.applied, Registration.verifiedApplications(e), e.drawDueAt(now),
                e.drawnAt == null ? null : lang.dateTime(e.drawnAt), e.drawnAt == null ? 0 : Registration.drawOrder(e).size());
    }

    /** "Draw now": runs the same draw as the scheduler, once the application window has closed. */
    @POST
    @Path("events/{slug}/draw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draw(@PathParam("slug") String slug) {
        long eventId = eventId(slug);
        boolean ran = draws.draw(eventId, Instant.now(clock));
        return backToAttendees(slug, ran ? "drawn" : "draw_not_due");
    }

    @Transactional
    long eventId(String slug) {
        return Event.bySlug(slug).orElseThrow(NotFoundException::new).id;
    }

    @GET
    @Path("events/{slug}/attendees.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@PathParam("slug") String slug, @QueryParam("status") String status,
                           @QueryParam("ticketType") String typeKey) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        long eventId = e.id;
        RegistrationStatus filter = parseStatus(status);
        Map<Long, String> keys = new java.util.HashMap<>();
        e.ticketTypes.forEach(t -> keys.put(t.id, t.key));
        Long typeId = typeKey == null ? null : e.type(typeKey).map(t -> t.id).orElse(null);
        Msg msg = lang.msg();
        List<AttendeeCsv.AnswerColumn> questions = Question.all(e).stream().map(q -> new AttendeeCsv.AnswerColumn(
                q.isRemoved() ? msg.question_removed_header(q.label(lang.locale())) : q.label(lang.locale()),
                q, lang.locale(), msg.answer_yes(), msg.answer_no())).toList();
        StreamingOutput body = out -> csv.write(eventId, filter, typeId, keys, questions, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + AttendeeCsv.filename(slug, Instant.now(clock)) + "\"")
                .build();
    }

    /**
     * Applications awaiting approval, oldest first, to approve or decline many at once. A draw
     * event's applications are not listed: the draw alone decides them.
     */
    @GET
    @Path("events/{slug}/applications")
    @Transactional
    public TemplateInstance applications(@PathParam("slug") String slug, @QueryParam("approved") String approved,
                                         @QueryParam("waitlisted") String waitlisted, @QueryParam("declined") String declined,
                                         @QueryParam("skipped") String skipped, @QueryParam("nothing") String nothing) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        List<AttendeeRow> rows = e.isDraw() ? List.of()
                : Registration.applications(e, 500).stream().map(r -> AttendeeRow.of(r, lang.locale(), 0)).toList();
        TicketMsg tix = tix();
        String done = approved != null ? tix.approved_done(parseCount(approved), parseCount(waitlisted), parseCount(skipped))
                : declined != null ? tix.declined_done(parseCount(declined), parseCount(skipped))
                : "action".equals(nothing) ? tix.applications_no_action()
                : "selection".equals(nothing) ? tix.applications_none_selected() : "";
        return lang.page(Templates.applications(head(e), rows, done, approved != null || declined != null, e.isDraw()));
    }

    /**
     * Approve (at once) or decline (after a confirm step) the ticked applications. A missing or unknown
     * {@code action} changes nothing and says so; declining is final and mails everyone declined, so
     * the first POST only answers a page that says what will happen to how many people, whose button
     * posts the same choice again with {@code confirmed=true}.
     */
    @POST
    @Path("events/{slug}/applications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideApplications(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        List<Long> ids = new ArrayList<>();
        for (String id : form.getOrDefault("id", List.of())) if (id.matches("\\d{1,18}")) ids.add(Long.parseLong(id));
        String action = form.getFirst("action");
        boolean approve = "approve".equals(action);
        UriBuilder back = UriBuilder.fromPath("/admin/events/{slug}/applications");
        if (!approve && !"decline".equals(action)) {
            return Response.seeOther(back.queryParam("nothing", "action").build(slug)).build();
        }
        if (!approve && !"true".equals(form.getFirst("confirmed"))) {
            ConfirmStep step = declineStep(slug, ids);
            if (step == null) return Response.seeOther(back.queryParam("nothing", "selection").build(slug)).build();
            return Response.ok(lang.page(Templates.confirm(step))).build();
        }
        ApprovalService.Decided d = approvals.decideApplications(slug, ids, approve, Instant.now(clock));
        if (approve) back.queryParam("approved", d.approved()).queryParam("waitlisted", d.waitlisted());
        else back.queryParam("declined", d.declined());
        return Response.seeOther(back.queryParam("skipped", d.skipped()).build(slug)).build();
    }

    /** The confirm step of declining: the ticked applications still awaiting a decision, or null when none is. */
    @Transactional
    ConfirmStep declineStep(String slug, List<Long> ids) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        if (e.isDraw()) throw new RegistrationException.SeatsByDraw(e.slug);
        List<Registration> chosen = ids.isEmpty() ? List.of()
                : Registration.list("event = ?1 and id in ?2 and status = ?3 order by createdAt, id", e, ids, RegistrationStatus.APPLIED);
        if (chosen.isEmpty()) return null;
        TicketMsg tix = tix();
        List<Hidden> fields = new ArrayList<>();
        chosen.forEach(r -> fields.add(new Hidden("id", r.id.toString())));
        fields.add(new Hidden("action", "decline"));
        return new ConfirmStep(tix.decline_confirm_title(chosen.size()), tix.decline_confirm_text(),
                chosen.stream().map(r -> r.name + " <" + r.email + ">").toList(), "/admin/events/" + e.slug + "/applications",
                fields, tix.decline_confirm_button(chosen.size()), "/admin/events/" + e.slug + "/applications");
    }

    /** The event's invitation codes and who used them, with the form for new ones. */
    @GET
    @Path("events/{slug}/codes")
    @Transactional
    public TemplateInstance codes(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return lang.page(codesPage(e, List.of(), new CodeFields("1", "", "", ""), Map.of()));
    }

    /**
     * Makes codes and shows them this once (only their hashes are kept), so the answer is the page
     * itself rather than a redirect.
     */
    @POST
    @Path("events/{slug}/codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCodes(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        CodeFields typed = new CodeFields(form.getFirst("count"), form.getFirst("ticketType"), form.getFirst("email"),
                form.getFirst("expiresAt"));
        AdminApi.CodeRequest in = new AdminApi.CodeRequest();
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            in.count = typed.count() == null ? null : Integer.valueOf(typed.count().strip());
        } catch (NumberFormatException ex) {
            problems.put("count", "count");
        }
        in.ticketType = typed.ticketType();
        in.email = typed.email();
        try {
            in.expiresAt = typed.expiresAt() == null || typed.expiresAt().isBlank() ? null
                    : Kst.parseInput(typed.expiresAt().strip()).atZone(Kst.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException ex) {
            problems.put("expiresAt", "datetime");
        }
        Instant now = Instant.now(clock);
        Event e = eventWithTypes(slug);
        CodeForm.problems(e, in, now).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            return Response.status(422).entity(lang.page(codesPageTx(slug, List.of(), typed, codeErrors(problems)))).build();
        }
        List<String> created = approvals.createCodes(e.id, in.ticketType, in.count, CodeForm.email(in.email),
                in.expiresAt == null ? null : in.expiresAt.toInstant(), now);
        return Response.ok(lang.page(codesPageTx(slug, created, new CodeFields("1", "", "", ""), Map.of()))).build();
    }

    @Transactional
    Event eventWithTypes(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        e.ticketTypes.size();
        return e;
    }

    @Transactional
    TemplateInstance codesPageTx(String slug, List<String> created, CodeFields form, Map<String, String> errors) {
        return codesPage(Event.bySlug(slug).orElseThrow(NotFoundException::new), created, form, errors);
    }

    private TemplateInstance codesPage(Event e, List<String> created, CodeFields form, Map<String, String> errors) {
        java.util.Locale locale = lang.locale();
        List<CodeRow> codes = InvitationCode.ofEvent(e, 1000).stream().map(c -> new CodeRow(c.shownHint(),
                c.ticketType == null ? "" : c.ticketType.name(locale), c.email, lang.dateTime(c.expiresAt),
                lang.dateTime(c.usedAt), c.registration == null ? null : c.registration.name,
                c.registration == null ? null : c.registration.email)).toList();
        String links = String.join("\n", created.stream().map(c -> config.baseUrl() + "/events/" + e.slug + "?code=" + c).toList());
        return Templates.codes(head(e), types(e), codes, created, links, form, errors);
    }

    private Map<String, String> codeErrors(Map<String, String> problems) {
        Msg msg = lang.msg();
        TicketMsg tix = tix();
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, switch (code) {
            case "count" -> tix.error_code_count();
            case "required" -> tix.error_type_required();
            case "invalid_email" -> msg.error_invalid_email();
            case "datetime" -> msg.error_datetime();
            default -> msg.error_invalid_choice();
        }));
        return errors;
    }

    private List<TypeRow> types(Event e) {
        return e.ticketTypes.stream().map(t -> TypeRow.of(t, lang.locale())).toList();
    }

    private TicketMsg tix() {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang.code()));
    }

    /**
     * Cancels a registration for the organizer, after a confirm step: the first POST answers a page
     * that says who is cancelled and what follows (a mail, the seat to the waitlist; final); its
     * button posts again with {@code confirmed=true}. A registration that is no longer active is left alone.
     */
    @POST
    @Path("registrations/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!"true".equals(form.getFirst("confirmed"))) {
            ConfirmStep step = cancelStep(id);
            if (step == null) return backToAttendees(slugOf(id), "unchanged");
            return Response.ok(lang.page(Templates.confirm(step))).build();
        }
        Registration r = registrations.cancelById(id, Instant.now(clock));
        return backToAttendees(slugOf(r.id), "cancelled");
    }

    /** The confirm step of cancelling one registration, or null when it is not active (nothing to cancel). */
    @Transactional
    ConfirmStep cancelStep(long id) {
        Registration r = Registration.findById(id);
        if (r == null) throw new NotFoundException();
        if (!r.status.isActive() || r.checkedInAt != null) return null;
        Msg msg = lang.msg();
        String who = r.name + " <" + r.email + ">";
        return new ConfirmStep(msg.cancel_confirm_title(r.name), msg.cancel_confirm_text(), List.of(who),
                "/admin/registrations/" + r.id + "/cancel", List.of(), msg.cancel_confirm_button(),
                "/admin/events/" + r.event.slug);
    }

    @POST
    @Path("registrations/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") long id) {
        Registration r = registrations.resend(id, Instant.now(clock));
        return backToAttendees(slugOf(r.id), "resent");
    }

    @GET
    @Path("checkin")
    @Transactional
    public TemplateInstance checkinScreen(@QueryParam("event") String eventSlug, @QueryParam("q") String q) {
        List<AttendeeRow> matches = List.of();
        if (q != null && !q.isBlank()) {
            matches = Event.allByStart().stream().filter(e -> eventSlug == null || eventSlug.isBlank() || e.slug.equals(eventSlug))
                    .flatMap(e -> Registration.search(e, q, null).page(0, 20).list().stream())
                    .limit(20).map(r -> AttendeeRow.of(r, lang.locale())).toList();
        }
        return lang.page(Templates.checkin(doorEvents(), eventSlug == null ? "" : eventSlug, null, q == null ? "" : q,
                matches, null));
    }

    /** The QR code in the ticket opens this: who it is, and a button to check them in. */
    @GET
    @Path("checkin/{code}")
    @Transactional
    public TemplateInstance scanned(@PathParam("code") String code) {
        AttendeeRow row = checkIn.find(code, lang.locale()).orElse(null);
        CheckIn.Outcome unknown = row == null ? new CheckIn.Outcome(CheckInService.CheckInResult.UNKNOWN, null) : null;
        return lang.page(Templates.checkin(doorEvents(), "", unknown, "", List.of(), row));
    }

    @POST
    @Path("checkin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance checkinScan(MultivaluedMap<String, String> form) {
        String eventSlug = form.getFirst("event");
        CheckIn.Outcome outcome;
        String id = form.getFirst("registration");
        if (id != null && id.matches("\\d{1,18}")) {
            outcome = checkIn.byId(Long.parseLong(id), Instant.now(clock), lang.locale());
        } else {
            outcome = checkIn.scan(form.getFirst("code"), eventSlug, Instant.now(clock), lang.locale());
        }
        return lang.page(Templates.checkin(doorEventsTx(), eventSlug == null ? "" : eventSlug, outcome, "", List.of(), null));
    }

    @Transactional
    List<EventHead> doorEventsTx() {
        return doorEvents();
    }

    private List<EventHead> doorEvents() {
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        return Event.upcoming(Instant.now(clock).minusSeconds(24 * 3600)).stream()
                .map(e -> new EventHead(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), e.capacity,
                        counts.getOrDefault(e.id, new Registration.Counts()))).toList();
    }

    /** Each registration's answers (by id), worded in the organizer's language; removed questions included. */
    private Map<Long, List<AnswerLine>> answers(Event e, List<Registration> registrations) {
        Map<Long, List<AnswerLine>> answers = new java.util.HashMap<>();
        if (registrations.stream().allMatch(r -> r.answers == null)) return answers;
        List<Question> questions = Question.all(e);
        Msg msg = lang.msg();
        for (Registration r : registrations) {
            Map<String, Object> given = Answers.fromJson(r.answers);
            List<AnswerLine> lines = questions.stream().filter(q -> given.containsKey(q.key))
                    .map(q -> new AnswerLine(q.isRemoved() ? msg.question_removed_header(q.label(lang.locale()))
                            : q.label(lang.locale()),
                            Answers.display(q, given.get(q.key), lang.locale(), msg.answer_yes(), msg.answer_no())))
                    .toList();
            if (!lines.isEmpty()) answers.put(r.id, lines);
        }
        return answers;
    }

    private EventHead head(Event e) {
        return new EventHead(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), e.capacity,
                Registration.counts(e));
    }

    @Transactional
    String slugOf(long registrationId) {
        return Registration.<Registration>findById(registrationId).event.slug;
    }

    @Transactional
    long taken(String slug) {
        return Event.bySlug(slug).map(e -> (long) e.seatsTaken).orElse(0L);
    }

    private static Response backToAttendees(String slug, String done) {
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}").queryParam("done", done).build(slug)).build();
    }

    /** A count from the query (after an action); anything that is not one is 0. */
    static int parseCount(String n) {
        return n == null || !n.matches("\\d{1,9}") ? 0 : Integer.parseInt(n);
    }

    /** A page number from the query; anything that is not one (huge, negative, text) is page 1. */
    static int parsePage(String page) {
        if (page == null || !page.matches("\\d{1,9}")) return 1;
        return Integer.parseInt(page);
    }

    private static RegistrationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return RegistrationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private TemplateInstance edit(EventInput in, Map<String, String> errors, boolean creating, boolean saved) {
        return Templates.edit(in, errors, creating, saved, EventStatus.values(), config.draw().confirmWindow().toHours());
    }

    private Map<String, String> errors(Map<String, String> problems, long taken) {
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(lang.code()));
        DrawMessages draw = MessageBundles.get(DrawMessages.class, Localized.Literal.of(lang.code()));
        AttendanceMessages att = MessageBundles.get(AttendanceMessages.class, Localized.Literal.of(lang.code()));
        TicketMsg tix = tix();
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, code.startsWith("type_capacity:")
                ? tix.error_type_capacity(Long.parseLong(code.substring("type_capacity:".length()))) : switch (code) {
            case "type_key" -> tix.error_type_key();
            case "type_held" -> tix.error_type_held();
            case "type_in_use" -> tix.error_type_in_use();
            case "types_after_signups" -> tix.error_types_after_signups();
            case "slug" -> msg.error_slug();
            case "slug_taken" -> msg.error_slug_taken();
            case "datetime" -> msg.error_datetime();
            case "ends_before" -> msg.error_ends_before();
            case "closes_before" -> msg.error_closes_before();
            case "capacity" -> msg.error_capacity(taken);
            case "required" -> msg.error_required();
            case "too_long" -> msg.error_too_long();
            case "invalid_chars" -> msg.error_invalid_chars();
            case "allocation_locked" -> draw.error_allocation_locked();
            case "draw_before_open" -> draw.error_draw_before_open();
            case "draw_after_start" -> draw.error_draw_after_start();
            case "closes_before_draw" -> draw.error_closes_before_draw();
            case "drawn" -> draw.error_drawn();
            case "confirm_window" -> draw.error_duration();
            case "duration" -> att.error_duration();
            case "deadline" -> att.error_deadline();
            default -> msg.error_invalid_choice();
        }));
        return errors;
    }
}
