package eventdesk.team;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an organizer may do, each role including the ones below it:
 * <ul>
 * <li>{@code DOOR}: the check-in page and the search of its events (name, affiliation, ticket type, status),
 * and checking people in;</li>
 * <li>{@code MANAGER}: everything about its events (attendees, export, edits, messages, draw, codes),
 * but not the team, the API tokens or the access log;</li>
 * <li>{@code OWNER}: everything, for every event: the team, API tokens and the access log too.</li>
 * </ul>
 * Which events a role applies to is the other half of the rule: {@link Access#may}.
 */
public enum Role {
    DOOR, MANAGER, OWNER;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The names a security identity with this role carries: its own and those of the roles it includes. */
    public Set<String> names() {
        return Arrays.stream(values()).filter(this::includes).map(Role::name).collect(Collectors.toUnmodifiableSet());
    }
}
