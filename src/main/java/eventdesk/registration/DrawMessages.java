package eventdesk.registration;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of allocation by draw, English here, Korean in messages/drw_ko.properties;
 * templates use {drw:key}. Kept apart from {@code msg} so the draw's wording reads as one piece.
 */
@MessageBundle(value = "drw", locale = "en")
public interface DrawMessages {

    @Message("Seats are drawn by lot")
    String draw_title();

    @Message("Apply until {drawAt}. Then a draw decides who gets the {seats} seats, in an order anyone can check. Those drawn have {hours} hours to confirm; everyone else joins the reserve list in draw order.")
    String draw_explain(String drawAt, long seats, long hours);

    @Message("{n} applications so far")
    String draw_applications(long n);

    @Message("Commitment (SHA-256 of the secret seed, published before the draw)")
    String draw_commitment();

    @Message("The draw took place on {when}.")
    String draw_done(String when);

    @Message("See the draw record")
    String draw_record_link();

    @Message("Applications are closed; the draw is under way. Results arrive by email.")
    String draw_under_way();

    @Message("Applications closed with the draw.")
    String draw_closed();

    @Message("The draw is over. New sign-ups join the end of the reserve list, first come, first served.")
    String draw_late_waitlist();

    @Message("Apply for the draw")
    String submit_apply();

    @Message("Application received: verify your email")
    String thanks_applied_title();

    @Message("Open the link in the email we just sent and press Verify. Only verified applications enter the draw on {drawAt}.")
    String thanks_applied_text(String drawAt);

    @Message("Reference code")
    String reference();

    @Message("Email verified: you are in the draw on {when}.")
    String manage_verified(String when);

    @Message("Not verified yet: open the link in our email and press Verify before the draw on {when}.")
    String manage_not_verified(String when);

    @Message("You were drawn (no. {rank}). Confirm your seat before the deadline.")
    String manage_drawn(int rank);

    @Message("Draw no. {rank}: you are on the reserve list.")
    String manage_reserve(int rank);

    @Message("Not in the draw: the email address was not verified before the draw.")
    String manage_unverified_out();

    @Message("Withdraw the application")
    String withdraw_title();

    @Message("Withdrawing takes you out of the draw. You can apply again until the draw.")
    String withdraw_text();

    @Message("Withdraw")
    String withdraw_button();

    @Message("Verify your application")
    String verify_title();

    @Message("Press the button to confirm that this email address is yours. Verified applications enter the draw on {when}.")
    String verify_text(String when);

    @Message("Verify")
    String verify_button();

    @Message("Verified. You are in the draw on {when}; we will email you the result.")
    String verify_done(String when);

    @Message("The draw has already taken place; this link no longer changes anything.")
    String verify_too_late();

    @Message("Applications and verifications closed at {when}, when the draw began; this application takes no part in it.")
    String verify_closed(String when);

    @Message("Verify your application: {title}")
    String mail_applied_subject(String title);

    @Message("We received your application. Press the button to verify your email address: only verified applications enter the draw on {drawAt}.")
    String mail_applied_text(String drawAt);

    @Message("We received your application and your email address is verified. The draw is on {drawAt}.")
    String mail_applied_verified_text(String drawAt);

    @Message("Verify my application")
    String mail_verify_button();

    @Message("Your reference code: {reference}")
    String mail_reference(String reference);

    @Message("Draw commitment (SHA-256 of the secret seed): {commitment}")
    String mail_commitment(String commitment);

    @Message("You were drawn: confirm your seat for {title}")
    String mail_drawn_subject(String title);

    @Message("Good news: you were drawn. Please confirm by {deadline}; after that the seat goes to the next person in draw order.")
    String mail_drawn_text(String deadline);

    @Message("Draw result for {title}: reserve list")
    String mail_reserve_subject(String title);

    @Message("You were not drawn for a seat this time, but you are number {position} on the reserve list, in draw order. If a seat frees up we will email you a confirm link.")
    String mail_reserve_text(long position);

    @Message("Application withdrawn: {title}")
    String mail_withdrawn_subject(String title);

    @Message("Your application is withdrawn and takes no part in the draw.")
    String mail_withdrawn_text();

    @Message("Draw record")
    String record_title();

    @Message("Every verified application of this event, in the order the draw gave. The order is HMAC-SHA256 of each reference code keyed by the seed, lowest first. The draw offered {seats} of them a seat (marked \"Seat\"); the others form the reserve list in this order. Anyone can recompute it.")
    String record_intro(int seats);

    @Message("Draw result")
    String record_result();

    @Message("Seat")
    String record_seat();

    @Message("Reserve list")
    String record_reserve();

    @Message("The draw has not taken place yet; the seed stays secret until {when}.")
    String record_not_yet(String when);

    @Message("Seed (revealed after the draw)")
    String record_seed();

    @Message("Drawn at")
    String record_drawn_at();

    @Message("Check it yourself")
    String record_recipe_title();

    @Message("With the seed and draw.csv: the first line checks the commitment, the second recomputes the order, the third compares it with the record.")
    String record_recipe_text();

    @Message("Rank")
    String record_rank();

    @Message("Download the record (CSV)")
    String record_csv();

    @Message("Draw")
    String admin_draw_title();

    @Message("{applied} applications, {verified} verified; the draw is at {when}.")
    String admin_draw_counts(long applied, long verified, String when);

    @Message("Draw now")
    String admin_draw_button();

    @Message("Drawn on {when}: {drawn} verified applications in the draw.")
    String admin_drawn(String when, long drawn);

    @Message("The draw ran.")
    String admin_draw_ran();

    @Message("The draw is not due yet (or has already run).")
    String admin_draw_not_due();

    @Message("Allocation")
    String field_allocation();

    @Message("First come, first served")
    String allocation_FIRST_COME();

    @Message("Draw: applications until the draw time, then a verifiable lottery")
    String allocation_DRAW();

    @Message("Draw time (KST): applications close then")
    String field_draw_at();

    @Message("Hours the drawn have to confirm (empty: {hours})")
    String field_confirm_hours(long hours);

    @Message("Sign-ups after the draw")
    String field_late();

    @Message("Closed")
    String late_CLOSED();

    @Message("Join the end of the reserve list, first come")
    String late_WAITLIST();

    @Message("The allocation is chosen before sign-ups arrive; this event already has sign-ups.")
    String error_allocation_locked();

    @Message("The draw time must be after registration opens.")
    String error_draw_before_open();

    @Message("The draw time must not be after the event starts.")
    String error_draw_after_start();

    @Message("Registration must not close before the draw.")
    String error_closes_before_draw();

    @Message("The draw has already run; its time stays.")
    String error_drawn();

    @Message("Whole hours between 1 and 720.")
    String error_duration();
}
