package eventdesk.attendee;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the pages that import a list of invitees, English by default; Korean in messages/imp_ko.properties. */
@MessageBundle(value = "imp", locale = "en")
public interface ImportTexts {

    @Message("Import list")
    String link();

    @Message("Import a list of invitees: {title}")
    String title(String title);

    @Message("Upload a CSV or Excel file with one person per row. You see every row and its problems first; nothing is stored until you confirm.")
    String intro();

    @Message("Columns")
    String columns_title();

    @Message("The first row names the columns, in Korean or English; other columns are ignored.")
    String columns_intro();

    @Message("required")
    String required();

    @Message("optional: founder, developer, investor, student or other (창업자, 개발자, 투자자, 학생, 기타); other when blank")
    String col_role_hint();

    @Message("the type's key or name{#if types}; required, the event has ticket types: {types}{#else}; the event has none{/if}")
    String col_type_hint(String types);

    @Message("optional: ko or en, the language of the person's mails; Korean when blank")
    String col_language_hint();

    @Message("At most 2,000 rows and 2 MB. A CSV may be UTF-8 or as Korean Excel saves it (CP949).")
    String limits();

    @Message("File (.csv or .xlsx)")
    String field_file();

    @Message("What happens to each person")
    String field_mode();

    @Message("Seat them, confirmed now: mail the ticket (QR code and calendar entry)")
    String mode_confirmed();

    @Message("Seat them, pending: mail the confirmation link, as after a sign-up")
    String mode_pending();

    @Message("Mail each a personal invitation code: they sign up with it themselves")
    String mode_codes();

    @Message("Seats are taken as when you add an attendee by hand: free seats only (seats held for invitation codes stay for the codes). A personal code works only with the address it was mailed to; name, affiliation, role and language are not used then.")
    String mode_hint();

    @Message("Show the preview")
    String preview_button();

    @Message("Choose what happens to each person.")
    String error_mode();

    @Message("Choose a file.")
    String error_required();

    @Message("The file is {size}: at most 2 MB. Split the list into smaller files.")
    String error_too_big(String size);

    @Message("This Excel file unpacks to more than 32 MB, far more than a list of 2,000 rows. Save only the list, as an Excel workbook (.xlsx) or as CSV.")
    String error_unpacked_too_big();

    @Message("This file could not be read as a table. Save it as CSV or as an Excel workbook (.xlsx).")
    String error_not_a_table();

    @Message("This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV.")
    String error_old_excel();

    @Message("The file's characters could not be read. Save it as \"CSV UTF-8\".")
    String error_characters();

    @Message("The first row must name the columns {missing}.")
    String error_columns(String missing);

    @Message("The file has no rows of people under the row that names the columns.")
    String error_empty();

    @Message("The file has more than 2,000 rows of people. Split it into smaller files.")
    String error_too_many_rows();

    @Message("The list could not be read again, so nothing was stored. Upload the file again.")
    String error_carried();

    @Message("Preview: {title}")
    String preview_title(String title);

    @Message("{file} · nothing has been stored yet.")
    String preview_file(String file);

    @Message("{ready} {#if ready == 1}row{#else}rows{/if} ready, {problems} with problems")
    String counts(int ready, int problems);

    @Message("What happens: {mode}")
    String preview_mode(String mode);

    @Message("Rows with problems: not imported")
    String problems_title();

    @Message("Rows ready")
    String ready_title();

    @Message("Row")
    String col_row();

    @Message("Language")
    String col_language();

    @Message("Problem")
    String col_problem();

    @Message("Only the rows ready are imported, each checked again as you confirm. If others take seats meanwhile, the rows beyond the free seats are reported as not seated; nobody is seated over capacity.")
    String confirm_note();

    @Message("Seat {n} {#if n == 1}person{#else}people{/if} as confirmed")
    String confirm_confirmed(int n);

    @Message("Seat {n} {#if n == 1}person{#else}people{/if} as pending")
    String confirm_pending(int n);

    @Message("Mail {n} invitation {#if n == 1}code{#else}codes{/if}")
    String confirm_codes(int n);

    @Message("No row is ready. Correct the file and upload it again.")
    String nothing_ready();

    @Message("Upload another file")
    String again();

    @Message("Name is missing")
    String p_name_missing();

    @Message("Email is missing")
    String p_email_missing();

    @Message("Not an email address that can be mailed")
    String p_email_invalid();

    @Message("Affiliation is missing")
    String p_affiliation_missing();

    @Message("Ticket type is missing (the event has ticket types)")
    String p_type_missing();

    @Message("Unknown ticket type")
    String p_type_unknown();

    @Message("Unknown role")
    String p_role_unknown();

    @Message("Unknown language (ko or en)")
    String p_language_unknown();

    @Message("{field}: {problem}")
    String p_field(String field, String problem);

    @Message("Same email address as row {row}")
    String p_repeated_row(int row);

    @Message("Same email address as an earlier row")
    String p_repeated();

    @Message("Already registered for this event")
    String p_registered();

    @Message("Already has an unused invitation code for this event")
    String p_has_code();

    @Message("No seat left")
    String p_no_seat();

    @Message("The event is cancelled")
    String p_cancelled();

    @Message("Before the draw, seats are given by the draw")
    String p_draw();

    @Message("The event has started: only \"confirmed now\" can seat people")
    String p_started();

    @Message("Import done: {title}")
    String result_title(String title);

    @Message("{n} seated as confirmed; their tickets are on their way.")
    String result_confirmed(int n);

    @Message("{n} seated as pending; their confirmation links are on their way.")
    String result_pending(int n);

    @Message("{n} invitation {#if n == 1}code{#else}codes{/if} mailed.")
    String result_codes(int n);

    @Message("{n} not imported")
    String result_not_done(int n);
}
