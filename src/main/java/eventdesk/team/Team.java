package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.web.EmailAddress;
import eventdesk.web.PlainText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Granting, changing and taking away membership of the organizer team. Each change is one transaction
 * (an invitation with its mail in the outbox), followed by exactly one access log entry naming who did
 * it, from where, and to whom. An OWNER cannot change or disable their own account, so the team
 * always keeps the OWNER who acts. A disabled account's sessions are refused from its next request on.
 */
@ApplicationScoped
public class Team {

    static final int MAX_NAME = 200;

    @Inject
    AccessLog accessLog;
    @Inject
    InvitationMail invitationMail;
    @Inject
    Clock clock;

    /** A new member as the API takes it. */
    public record MemberInput(String email, String name, Role role, List<String> events) {
    }

    /** Makes an INVITED account and mails it an invitation link. */
    public Account invite(MemberInput in, Access by, String address) {
        ScopeInput scope = new ScopeInput(in.role(), in.events());
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.email() == null || !EmailAddress.isValid(in.email().strip())) errors.put("email", "Give a valid email address.");
        if (in.name() == null || !PlainText.hasVisible(in.name()) || in.name().length() > MAX_NAME
                || PlainText.hasForbidden(in.name(), false)) {
            errors.put("name", "Give the member's name (at most " + MAX_NAME + " characters, no control characters).");
        }
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            errors.putAll(scope.errors());
            if (!errors.isEmpty()) throw TeamRefusal.badInput(errors);
            if (Account.byEmail(in.email()).isPresent()) {
                throw new TeamRefusal(409, "An account with this email already exists.", Map.of("email", "This email already has an account."));
            }
            Instant now = Instant.now(clock);
            Account a = Account.of(in.email(), in.name().strip(), scope.role(), scope.eventSet(), AccountStatus.INVITED, now);
            a.persist();
            invitationMail.send(a, Invitation.issue(a, now), by.subject(), now.plus(Invitation.VALID));
            return a;
        });
        record(by, address, AccessAction.MEMBER_INVITED, account, "invited as " + scopeText(account));
        return account;
    }

    /** Sets a member's role and events. */
    public Account change(long id, ScopeInput scope, Access by, String address) {
        Account account = update(id, by, a -> {
            Map<String, String> errors = scope.errors();
            if (!errors.isEmpty()) throw TeamRefusal.badInput(errors);
            a.scope(scope.role(), scope.eventSet());
        });
        record(by, address, AccessAction.MEMBER_CHANGED, account, "role " + scopeText(account));
        return account;
    }

    /** Disables a member: no sign-in, no session, no open invitation. */
    public Account disable(long id, Access by, String address) {
        Account account = update(id, by, a -> {
            a.status = AccountStatus.DISABLED;
            Invitation.delete("account", a);
        });
        record(by, address, AccessAction.MEMBER_DISABLED, account, "disabled");
        return account;
    }

    /** Removes a member's authenticator and recovery codes: their next sign-in sets up a new one. */
    public Account resetSecondFactor(long id, Access by, String address) {
        Account account = update(id, by, a -> {
            a.totpSecret = null;
            a.totpLastStep = null;
            RecoveryCode.delete("account", a);
        });
        record(by, address, AccessAction.MEMBER_CHANGED, account, "second factor reset");
        return account;
    }

    private Account update(long id, Access by, Consumer<Account> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findById(id);
            if (a == null) throw TeamRefusal.notFound("member");
            if (!by.token() && a.id == by.id()) {
                throw new TeamRefusal(400, "An OWNER cannot change or disable their own account; ask another OWNER.", null);
            }
            change.accept(a);
            return a;
        });
    }

    private void record(Access by, String address, AccessAction action, Account member, String what) {
        accessLog.record(AccessLog.Entry.of(by.subject(), address, action).because(member.email + ": " + what));
    }

    static String scopeText(Account a) {
        return a.role + (a.allEvents ? " for every event" : " for " + a.events.stream().sorted().toList());
    }
}
