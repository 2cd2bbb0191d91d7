package eventdesk.team;

import java.util.Set;

/**
 * Who is acting (an account or an API token) and where their role applies: {@code events} are the
 * event slugs, or null for every event; an OWNER applies to every event whatever is stored. The one
 * answer to "may this organizer do that to this event".
 *
 * @param subject the account's email, or {@code token:<id>} for an API token, as the access log names it
 */
public record Access(long id, String subject, Role role, Set<String> events) {

    /** The attribute of the security identity that holds this. */
    public static final String ATTRIBUTE = "eventdesk.access";
    static final String TOKEN = "token:";

    public Access {
        events = role == Role.OWNER || events == null ? null : Set.copyOf(events);
    }

    /**
     * Whether the role includes {@code needed} and applies to the event {@code eventSlug}; a null slug
     * asks about something that belongs to no single event (the role alone decides).
     */
    public boolean may(Role needed, String eventSlug) {
        return role.includes(needed) && (eventSlug == null || allEvents() || events.contains(eventSlug));
    }

    public boolean allEvents() {
        return events == null;
    }

    /** Whether an API token acts, not an account. */
    public boolean token() {
        return subject.startsWith(TOKEN);
    }
}
