package eventdesk.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Every eventdesk setting and its default. Environment variables: EVENTDESK_BASE_URL, EVENTDESK_HOLD_DURATION, ... */
@ConfigMapping(prefix = "eventdesk")
public interface EventdeskConfig {

    /**
     * Absolute base of links in emails ({@code EVENTDESK_BASE_URL}): the address people open, e.g.
     * {@code https://events.example.com}. No default: dev mode links to the port it serves, and the
     * production jar refuses to start without it ({@link ProductionSettings}).
     */
    @WithName("base-url")
    Optional<String> configuredBaseUrl();

    /** {@link #configuredBaseUrl()} without a trailing slash. */
    default String baseUrl() {
        String url = configuredBaseUrl().map(String::strip).filter(u -> !u.isEmpty())
                .orElseThrow(() -> new IllegalStateException("eventdesk.base-url (EVENTDESK_BASE_URL) is not set"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** How long a PENDING registration holds its seat before it expires. */
    @WithDefault("PT24H")
    Duration holdDuration();

    /** "Still coming?" mail to CONFIRMED people this long before the start; PT0S turns it off (events may override). */
    @WithDefault("P3D")
    Duration reconfirmBefore();

    /** Reminder with the ticket this long before the start; PT0S turns it off (events may override). */
    @WithDefault("PT24H")
    Duration reminderBefore();

    /** How long after an event its registrations' personal data is kept (the consent text says one year). */
    @WithDefault("P365D")
    Duration retention();

    Admin admin();

    RateLimit rateLimit();

    Outbox outbox();

    Draw draw();

    interface Draw {
        /** How long drawn applicants have to confirm their seat (events may set their own). */
        @WithDefault("PT48H")
        Duration confirmWindow();
    }
    Messages messages();

    Signup signup();

    interface Signup {
        /**
         * Sign-ups that may wait for their batch in one instance; one more is answered 503 with Retry-After at once
         * and nothing is stored (a crowd beyond what the server can answer in time gets a clear "try again").
         */
        @WithDefault("20000")
        int maxWaiting();

        /** How long a sign-up may wait for its batch to start; then it is answered 503 and never decided later. */
        @WithDefault("PT20S")
        Duration maxWait();
    }

    Sender sender();

    /**
     * Who sends promotional mail: the sender the law (정보통신망법 Art. 50) asks every advertising mail to
     * name at its end, with a way to reach them.
     */
    interface Sender {
        /** The sender's name: the organizer, company or community behind the events. */
        @WithDefault("eventdesk")
        String name();

        /**
         * How to reach the sender: an email address or a phone number. When unset, the address mails
         * come from ({@code quarkus.mailer.from}).
         */
        Optional<String> contact();
    }

    interface Admin {
        /** The organizer's user name; prod refuses to start without one. */
        Optional<String> username();

        /** The organizer's password; prod refuses to start without one. */
        Optional<String> password();

        /**
         * Where to tell the organizer that too many wrong passwords locked the account
         * ({@code EVENTDESK_ADMIN_EMAIL}); when unset, the user name if it is an email address. Also the
         * email of the bootstrap owner's account when the user name is not an address.
         */
        Optional<String> email();

        /**
         * Whether every organizer must give a second factor (a TOTP code or a recovery code) after the
         * password; an account without an authenticator app enrolls one at its next sign-in. Accounts that
         * enrolled one are asked for it either way. Dev mode and tests turn it off.
         */
        @WithName("require-2fa")
        @WithDefault("true")
        boolean requireTwoFactor();

        /** An organizer's session ends after this long without a request (it ends 12 hours after sign-in in any case). */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** Whether the bootstrap owner ({@link #username()}) may also sign in with HTTP Basic, for scripts. */
        @WithDefault("true")
        boolean basicAuth();
    }

    Audit audit();

    interface Audit {
        /** How long an access log entry is kept; older ones are deleted each night, the chain still verifying. */
        @WithDefault("P2Y")
        Period retention();
    }

    /** Sign-up limits ({@link RateLimiter}); 0 turns a limit off. Every refused sign-up gets 429 with Retry-After. */
    interface RateLimit {
        /**
         * Sign-ups per client address (an IPv4 address, or an IPv6 /64) per minute. High enough for a company's
         * or a campus's people behind one NAT address signing up in the opening minute.
         */
        @WithDefault("120")
        int perMinute();

        /**
         * Sign-ups per email address per hour, over all events and client addresses, counted per mailbox
         * (letter case, a +tag and Gmail's dots make no other address).
         */
        @WithDefault("10")
        int perEmailPerHour();

        /**
         * Mails that sign-ups from one client address may cause per hour: every sign-up with a valid form counts
         * one, new or repeated.
         */
        @WithDefault("300")
        int mailsPerAddressPerHour();
    }

    interface Outbox {
        /** Keep a sent mail's bodies (they carry links with tokens); dev mode keeps them for /dev/mail. */
        @WithDefault("false")
        boolean keepSentBodies();

        /** Relay workers sending in parallel (each takes different rows: FOR UPDATE SKIP LOCKED). */
        @WithDefault("4")
        int workers();

        /** Attempts before a mail is given up as dead (with the backoff capped at 1 h: about a day). */
        @WithDefault("30")
        int maxAttempts();

        /** Delay before the first retry; doubles with each further attempt. */
        @WithDefault("PT10S")
        Duration firstRetry();
    }

    interface Messages {
        /**
         * Group messages leave the outbox at most this many per second: each recipient's
         * row is due a little later than the one before, so a message to thousands does not swamp the
         * mail server and sign-up mails go out in between.
         */
        @WithDefault("10")
        int perSecond();
    }
}
