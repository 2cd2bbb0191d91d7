package eventdesk.registration;

import eventdesk.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person may do with their own registrations, found by their address ({@link Registration#ofPerson}):
 * correct their name and affiliation, cancel one, withdraw marketing consent. Each acts only on that
 * person's registrations, and like every change to a registration locks its event row first and reads
 * the registration as it is now, so it never overwrites a seat change made meanwhile. Erasure is
 * {@link Erasure}.
 */
@ApplicationScoped
public class PersonalData {

    @Inject
    RegistrationService registrations;

    /** The registration with this id when it is one of the person's; else empty. */
    public static Optional<Registration> own(String email, long id) {
        return Registration.ofPerson(email).stream().filter(r -> r.id == id).findFirst();
    }

    /**
     * Sets the name and affiliation (checked as the sign-up form checks them) of one of the person's
     * active registrations; returns false, changing nothing, for any other registration.
     */
    @Transactional
    public boolean correct(String email, long id, String name, String affiliation) {
        Optional<Registration> found = own(email, id);
        if (found.isEmpty()) return false;
        Registration r = Registration.lock(found.get());
        if (!r.status.isActive() || r.erased()) return false;
        r.name = name;
        r.affiliation = affiliation;
        return true;
    }

    /**
     * Cancels one of the person's registrations as its manage link would: the person is mailed and a held
     * seat goes to the first person waiting. Returns whether it was cancelled now (false for a registration
     * not theirs, or no longer active).
     */
    @Transactional
    public boolean cancel(String email, long id, Instant now) {
        Optional<Registration> found = own(email, id);
        if (found.isEmpty() || !found.get().status.isActive()) return false;
        return registrations.cancelById(id, now).status == RegistrationStatus.CANCELLED;
    }

    /** Withdraws marketing consent on every registration of the person; returns how many had it. */
    @Transactional
    public int withdrawMarketing(String email, Instant now) {
        List<Registration> all = Registration.ofPerson(email);
        all.stream().map(r -> r.event.id).distinct().sorted().forEach(Event::lock);
        int withdrawn = 0;
        for (Registration r : all) {
            Registration.getEntityManager().refresh(r);
            if (r.marketingConsent) withdrawn++;
            r.withdrawMarketing(now);
        }
        return withdrawn;
    }
}
