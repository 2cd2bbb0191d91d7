package eventdesk.team;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One organizer: one person, signed in with their email (kept lower-case, so one address is one
 * account). Only a bcrypt hash of the password is kept. The authenticator key is kept as the app has
 * it (a TOTP check needs it); {@code totpLastStep} is the last step whose code was accepted.
 */
@Entity
public class Account extends PanacheEntity {

    /** bcrypt's cost: 2^10 rounds. */
    static final int BCRYPT_COST = 10;
    /**
     * Checked when no account matches, so an unknown email takes as long as a known one: a bcrypt hash of
     * cost {@link #BCRYPT_COST} (of "no account has this password"), written out rather than computed, since
     * computing it cost every start one bcrypt run (and the account-less check needs no secret salt).
     */
    static final String NO_ACCOUNT = "$2a$10$EXkPCYzZOiyZ15576SMABeA6z3yYeVLFbI3ibeICaSk0Up./.dmmG";

    public String email;
    public String name;
    public String passwordHash;
    @Enumerated(EnumType.STRING)
    public AccountStatus status;
    @Enumerated(EnumType.STRING)
    public Role role;
    public boolean allEvents;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_event", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "event_slug")
    public Set<String> events = new HashSet<>();
    public String totpSecret;
    public Long totpLastStep;
    public Instant createdAt;
    public Instant lastSignInAt;

    /** An account for {@code email} with this role; {@code events} null for every event. */
    public static Account of(String email, String name, Role role, Set<String> events, AccountStatus status, Instant now) {
        Account a = new Account();
        a.email = normalize(email);
        a.name = name;
        a.status = status;
        a.createdAt = now;
        a.scope(role, events);
        return a;
    }

    /** An email as accounts are looked up by: trimmed, lower-case. */
    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Account> byEmail(String email) {
        return find("email", normalize(email)).firstResultOptional();
    }

    /** Sets the role and its events (null: every event; an OWNER always has every event). */
    public void scope(Role role, Set<String> events) {
        this.role = role;
        this.allEvents = role == Role.OWNER || events == null;
        this.events.clear();
        if (!allEvents) this.events.addAll(events);
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    /**
     * Whether {@code password} is this account's. Takes one bcrypt check whether or not the account has a
     * password yet, like {@link #noAccountChecks} does for an email that is no account.
     */
    public boolean passwordMatches(String password) {
        boolean set = passwordHash != null;
        boolean matches = BcryptUtil.matches(password == null ? "" : password, set ? passwordHash : NO_ACCOUNT);
        return set && matches;
    }

    /** The bcrypt check a sign-in with an unknown email makes, to take as long as one with a known email; always false. */
    public static boolean noAccountChecks(String password) {
        BcryptUtil.matches(password == null ? "" : password, NO_ACCOUNT);
        return false;
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean twoFactor() {
        return totpSecret != null;
    }

    public Access access() {
        return new Access(id, email, role, allEvents ? null : events);
    }

    /** See {@link Access#may}. */
    public boolean may(Role needed, String eventSlug) {
        return access().may(needed, eventSlug);
    }
}
