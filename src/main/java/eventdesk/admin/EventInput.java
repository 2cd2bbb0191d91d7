package eventdesk.admin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.event.TicketType;
import eventdesk.question.QuestionEditor;
import eventdesk.question.QuestionInput;
import eventdesk.web.Kst;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An event as an organizer creates or edits it: JSON from the admin API (times ISO-8601 with offset)
 * or the HTML form ({@link EventForm}), and how it maps to and from an {@link Event}. Fields left null
 * keep the event's value on an update from the API ({@link #over}). What may be saved is
 * {@link EventChecks}' to say; {@link #applyTo} assumes it was asked.
 */
public class EventInput {

    public String slug;
    public String title;
    public String titleKo;
    public String description;
    public String descriptionKo;
    public String venue;
    public String address;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public Integer capacity;
    public Boolean waitlistEnabled;
    public OffsetDateTime registrationOpensAt;
    public OffsetDateTime registrationClosesAt;
    public String status;
    /** {@code FIRST_COME} (default) or {@code DRAW}. */
    public String allocation;
    /** A DRAW event's end of applications and time of the draw. */
    public OffsetDateTime drawAt;
    /** ISO-8601 duration drawn applicants have to confirm; empty = eventdesk.draw.confirm-window. */
    public String drawConfirmWindow;
    /** After the draw: {@code CLOSED} (default) or {@code WAITLIST} (late sign-ups join the end of the waitlist). */
    public String lateApplications;
    /** "Still coming?" lead before the start: an ISO-8601 duration (the form also takes whole hours); "" = the server's default; PT0S = off. */
    public String reconfirmBefore;
    /** Reminder lead before the start, as {@link #reconfirmBefore}. */
    public String reminderBefore;
    /** Release confirmed people who did not answer "still coming?" by the deadline. */
    public Boolean autoReleaseUnanswered;
    /** The answer deadline's lead before the start, as {@link #reconfirmBefore}; "" = 48 hours. */
    public String reconfirmDeadlineBefore;
    @Schema(description = "Every sign-up waits as APPLIED until an organizer approves or declines it")
    public Boolean approvalRequired;
    @Schema(description = "When the ticket types' unused held seats go to their waitlists (ISO-8601 with offset); none: held until changed")
    public OffsetDateTime heldUntil;
    @Schema(description = "Ticket types, in the order the form shows them. On update the list replaces the event's types: "
            + "listed keys are added or changed (fields left out keep their value), types left out are removed, which "
            + "only works while they have no registrations. Left out entirely: the types stay as they are.")
    public List<TypeInput> ticketTypes;
    /** The custom questions, in form order; null leaves them as they are (see {@link QuestionEditor#replaceAll}). */
    public List<QuestionInput> questions;

    /** Form fields that could not be read, e.g. "startsAt" → "datetime" ({@link EventForm}). */
    transient Map<String, String> unreadable = new LinkedHashMap<>();

    /** One ticket type as an organizer sets it: {@code {key, name, nameKo, capacity, held, approvalRequired}}. */
    public static class TypeInput {
        @Schema(description = "Lowercase letters, digits and hyphens; the sign-up names the type by it")
        public String key;
        public String name;
        public String nameKo;
        @Schema(description = "Seats of this type, inside the event's capacity")
        public Integer capacity;
        @Schema(description = "Seats of this type kept for invitation codes (default 0)")
        public Integer held;
        @Schema(description = "Sign-ups of this type wait for approval even when the event does not ask for it")
        public Boolean approvalRequired;
        /** The edit form's row of a type that exists (its key cannot change there). */
        @JsonIgnore
        public transient boolean existing;
        /** The edit form's "remove" box was ticked for this row. */
        @JsonIgnore
        public transient boolean removed;

        static TypeInput of(TicketType t) {
            TypeInput in = new TypeInput();
            in.key = t.key;
            in.name = t.name;
            in.nameKo = t.nameKo;
            in.capacity = t.capacity;
            in.held = t.held;
            in.approvalRequired = t.approvalRequired;
            in.existing = true;
            return in;
        }

        /** This entry's given fields over the current type's. */
        TypeInput over(TypeInput base) {
            TypeInput m = new TypeInput();
            m.key = key;
            m.name = name != null ? name : base.name;
            m.nameKo = nameKo != null ? nameKo : base.nameKo;
            m.capacity = capacity != null ? capacity : base.capacity;
            m.held = held != null ? held : base.held;
            m.approvalRequired = approvalRequired != null ? approvalRequired : base.approvalRequired;
            m.existing = true;
            return m;
        }

        /** A form row left empty (no key, names or seats typed). */
        boolean blank() {
            return EventChecks.blank(key) && EventChecks.blank(name) && EventChecks.blank(nameKo) && capacity == null
                    && (held == null || held == 0) && !Boolean.TRUE.equals(approvalRequired);
        }

        TicketType.Draft draft() {
            String en = strip(name), ko = strip(nameKo);
            return new TicketType.Draft(key.strip(), en == null ? ko : en, ko == null ? en : ko, capacity,
                    held == null ? 0 : held, Boolean.TRUE.equals(approvalRequired));
        }
    }

    public static EventInput of(Event e) {
        EventInput in = new EventInput();
        in.slug = e.slug;
        in.title = e.title;
        in.titleKo = e.titleKo;
        in.description = e.description;
        in.descriptionKo = e.descriptionKo;
        in.venue = e.venue;
        in.address = e.address;
        in.startsAt = Kst.offset(e.startsAt);
        in.endsAt = Kst.offset(e.endsAt);
        in.capacity = e.capacity;
        in.waitlistEnabled = e.waitlistEnabled;
        in.registrationOpensAt = Kst.offset(e.registrationOpensAt);
        in.registrationClosesAt = Kst.offset(e.registrationClosesAt);
        in.status = e.status.name();
        in.allocation = e.allocation.name();
        in.drawAt = Kst.offset(e.drawAt);
        in.drawConfirmWindow = e.drawConfirmWindow;
        in.lateApplications = e.lateApplications.name();
        in.reconfirmBefore = e.reconfirmBefore == null ? "" : e.reconfirmBefore.toString();
        in.reminderBefore = e.reminderBefore == null ? "" : e.reminderBefore.toString();
        in.autoReleaseUnanswered = e.autoReleaseUnanswered;
        in.reconfirmDeadlineBefore = e.reconfirmDeadlineBefore == null ? "" : e.reconfirmDeadlineBefore.toString();
        in.approvalRequired = e.approvalRequired;
        in.heldUntil = Kst.offset(e.heldUntil);
        in.ticketTypes = new ArrayList<>(e.ticketTypes.stream().map(TypeInput::of).toList());
        return in;
    }

    /** This input's given fields over {@code base}: a PUT may send only what changes. */
    public EventInput over(EventInput base) {
        EventInput m = base;
        if (title != null) m.title = title;
        if (titleKo != null) m.titleKo = titleKo;
        if (description != null) m.description = description;
        if (descriptionKo != null) m.descriptionKo = descriptionKo;
        if (venue != null) m.venue = venue;
        if (address != null) m.address = address;
        if (startsAt != null) m.startsAt = startsAt;
        if (endsAt != null) m.endsAt = endsAt;
        if (capacity != null) m.capacity = capacity;
        if (waitlistEnabled != null) m.waitlistEnabled = waitlistEnabled;
        if (registrationOpensAt != null) m.registrationOpensAt = registrationOpensAt;
        if (registrationClosesAt != null) m.registrationClosesAt = registrationClosesAt;
        if (status != null) m.status = status;
        if (allocation != null) m.allocation = allocation;
        if (drawAt != null) m.drawAt = drawAt;
        if (drawConfirmWindow != null) m.drawConfirmWindow = drawConfirmWindow;
        if (lateApplications != null) m.lateApplications = lateApplications;
        if (reconfirmBefore != null) m.reconfirmBefore = reconfirmBefore;
        if (reminderBefore != null) m.reminderBefore = reminderBefore;
        if (autoReleaseUnanswered != null) m.autoReleaseUnanswered = autoReleaseUnanswered;
        if (reconfirmDeadlineBefore != null) m.reconfirmDeadlineBefore = reconfirmDeadlineBefore;
        if (approvalRequired != null) m.approvalRequired = approvalRequired;
        if (heldUntil != null) m.heldUntil = heldUntil;
        if (ticketTypes != null) {
            Map<String, TypeInput> current = new LinkedHashMap<>();
            if (m.ticketTypes != null) m.ticketTypes.forEach(t -> current.put(t.key, t));
            List<TypeInput> merged = new ArrayList<>();
            for (TypeInput t : ticketTypes) {
                TypeInput was = t == null || t.key == null ? null : current.get(t.key);
                merged.add(was == null ? t : t.over(was));
            }
            m.ticketTypes = merged;
        }
        if (questions != null) m.questions = questions;
        return m;
    }

    /** Default window: open from now until the event starts. */
    Instant opens(Instant now) {
        return registrationOpensAt != null ? registrationOpensAt.toInstant() : now;
    }

    Instant closes() {
        return registrationClosesAt != null ? registrationClosesAt.toInstant()
                : startsAt != null ? startsAt.toInstant() : null;
    }

    /** The confirm window when one is given and between one hour and 30 days. */
    Optional<Duration> confirmWindow() {
        if (EventChecks.blank(drawConfirmWindow)) return Optional.empty();
        try {
            Duration d = Duration.parse(drawConfirmWindow.strip());
            return d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofDays(30)) > 0 ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A lead before the start as typed: whole hours ("72") or an ISO-8601 duration ("P3D", "PT0S" = off),
     * from zero up to a year; empty for anything else. A blank lead is the server's default and not read here.
     */
    static Optional<Duration> lead(String text) {
        String t = text.strip();
        Duration d;
        if (t.matches("\\d{1,4}")) {
            d = Duration.ofHours(Integer.parseInt(t));
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0 ? Optional.empty() : Optional.of(d);
    }

    /** A lead as the event keeps it: null (the default) when blank. */
    private static Duration storedLead(String text) {
        return EventChecks.blank(text) ? null : lead(text).orElseThrow();
    }

    /** The types to save: the list without rows marked for removal. */
    List<TypeInput> saved() {
        return ticketTypes.stream().filter(t -> t != null && !t.removed).toList();
    }

    /** What the seat path applies: the types to keep, or null to leave them as they are. */
    List<TicketType.Draft> drafts() {
        return ticketTypes == null ? null : saved().stream().map(TypeInput::draft).toList();
    }

    /** Copies everything but the capacity and the types (which only the registration service changes). */
    void applyTo(Event e, Instant now) {
        e.title = strip(title);
        e.titleKo = strip(titleKo);
        e.description = strip(description) == null ? "" : strip(description);
        e.descriptionKo = strip(descriptionKo) == null ? "" : strip(descriptionKo);
        if (e.title == null) e.title = e.titleKo;
        if (e.titleKo == null) e.titleKo = e.title;
        e.venue = strip(venue);
        e.address = strip(address);
        e.startsAt = startsAt.toInstant();
        e.endsAt = endsAt.toInstant();
        e.waitlistEnabled = Boolean.TRUE.equals(waitlistEnabled);
        e.registrationOpensAt = registrationOpensAt != null ? registrationOpensAt.toInstant()
                : e.registrationOpensAt != null ? e.registrationOpensAt : now;
        e.registrationClosesAt = closes();
        e.status = status == null || status.isBlank() ? (e.status == null ? EventStatus.published : e.status)
                : EventStatus.valueOf(status);
        if ("DRAW".equals(allocation)) {
            e.makeDraw();
            e.drawAt = drawAt.toInstant();
        } else if (allocation != null && !allocation.isBlank()) {
            e.allocation = Event.Allocation.FIRST_COME;
            e.drawAt = null;
        }
        if (drawConfirmWindow != null) {
            e.drawConfirmWindow = drawConfirmWindow.isBlank() ? null : confirmWindow().orElseThrow().toString();
        }
        if (lateApplications != null && !lateApplications.isBlank()) {
            e.lateApplications = Event.LateApplications.valueOf(lateApplications);
        }
        e.reconfirmBefore = storedLead(reconfirmBefore);
        e.reminderBefore = storedLead(reminderBefore);
        e.autoReleaseUnanswered = Boolean.TRUE.equals(autoReleaseUnanswered);
        e.reconfirmDeadlineBefore = storedLead(reconfirmDeadlineBefore);
        e.approvalRequired = Boolean.TRUE.equals(approvalRequired);
        e.heldUntil = heldUntil == null ? null : heldUntil.toInstant();
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
