package eventdesk.team;

import eventdesk.event.Event;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A role and the events it applies to, as the team's API takes them: a role is required, and
 * {@code events} is null (every event) or a list of one or more existing event slugs (a role for no
 * event could do nothing). An OWNER's events are always every event, whatever is sent.
 */
public record ScopeInput(Role role, List<String> events) {

    /** Errors by field name; empty when the scope may be stored. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (role == null) errors.put("role", "Choose a role: OWNER, MANAGER or DOOR.");
        if (events != null && role != Role.OWNER) {
            if (events.isEmpty()) errors.put("events", "Give at least one event slug, or null for every event.");
            for (String slug : events) {
                if (slug == null || Event.bySlug(slug).isEmpty()) {
                    errors.put("events", "No event has the slug '" + slug + "'.");
                    break;
                }
            }
        }
        return errors;
    }

    /** The events to store: null for every event. */
    Set<String> eventSet() {
        return role == Role.OWNER || events == null ? null : new LinkedHashSet<>(events);
    }
}
