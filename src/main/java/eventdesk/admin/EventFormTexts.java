package eventdesk.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the event form's folded parts, English by default; Korean in messages/evf_ko.properties.
 */
@MessageBundle(value = "evf", locale = "en")
public interface EventFormTexts {

    @Message("Ticket types")
    String types_title();

    @Message("one kind of seat for everyone")
    String types_none();

    @Message("{n}: {list}")
    String types(int n, String list);

    @Message("Who gets a seat")
    String allocation_title();

    @Message("first come, first served")
    String first_come();

    @Message("draw")
    String draw();

    @Message("draw at {at} KST")
    String draw_at(String at);

    @Message("Approval")
    String approval_title();

    @Message("off: a confirmed sign-up has its seat")
    String approval_off();

    @Message("on: organizers approve each sign-up")
    String approval_on();

    @Message("Registration window")
    String window_title();

    @Message("from now until the event starts")
    String window_default();

    @Message("now")
    String window_now();

    @Message("the start")
    String window_start();

    @Message("{opens} to {closes} KST")
    String window(String opens, String closes);

    @Message("\"Still coming?\" and reminders")
    String attendance_title();

    @Message("ask {ask} before, remind {remind} before")
    String attendance(String ask, String remind);

    @Message("unanswered seats are released")
    String attendance_release();

    @Message("{h} h")
    String hours(long h);

    @Message("off")
    String off();

    @Message("Add another ticket type")
    String add_type();
}
