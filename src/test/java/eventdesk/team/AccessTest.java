package eventdesk.team;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role includes the ones below it; a role applies to its events only, an OWNER's to all. */
class AccessTest {

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.OWNER.includes(Role.MANAGER)).isTrue();
        assertThat(Role.OWNER.includes(Role.DOOR)).isTrue();
        assertThat(Role.MANAGER.includes(Role.DOOR)).isTrue();
        assertThat(Role.MANAGER.includes(Role.OWNER)).isFalse();
        assertThat(Role.DOOR.includes(Role.MANAGER)).isFalse();
        assertThat(Role.MANAGER.names()).containsExactlyInAnyOrder("MANAGER", "DOOR");
    }

    @Test
    void aRoleAppliesToItsEventsOnly() {
        Access door = new Access(1, "door@example.com", Role.DOOR, Set.of("a"));
        assertThat(door.may(Role.DOOR, "a")).isTrue();
        assertThat(door.may(Role.DOOR, "b")).isFalse();
        assertThat(door.may(Role.MANAGER, "a")).isFalse();
        assertThat(door.may(Role.DOOR, null)).as("a page of no single event").isTrue();

        Access manager = new Access(2, "m@example.com", Role.MANAGER, null);
        assertThat(manager.may(Role.MANAGER, "anything")).isTrue();
        assertThat(manager.may(Role.OWNER, null)).isFalse();

        Access owner = new Access(3, "o@example.com", Role.OWNER, Set.of("a"));
        assertThat(owner.events()).as("an owner has every event").isNull();
        assertThat(owner.may(Role.OWNER, "b")).isTrue();

        Access none = new Access(4, "n@example.com", Role.MANAGER, Set.of());
        assertThat(none.may(Role.MANAGER, "a")).isFalse();
    }
}
