package eventdesk.admin;

import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the team, API token and access log pages and of the monthly review of downloads, English by
 * default; Korean in messages/org_ko.properties, labels of roles and account statuses in messages/org.properties.
 */
@MessageBundle(value = "org", locale = "en")
public interface OrganizerTexts {

    /** The label of a Role: Qute generates it from the role_CONSTANT messages in messages/org.properties. */
    @Message
    String role(Role value);

    /** The label of an AccountStatus: from the status_CONSTANT messages in messages/org.properties. */
    @Message
    String status(AccountStatus value);

    @Message("Team")
    String team_title();

    @Message("Everyone who may sign in to the organizer area and what they may do. Each invitation, change and disabling is written to the access log.")
    String team_intro();

    @Message("Members")
    String members_title();

    @Message("Member")
    String col_member();

    @Message("Role and events")
    String col_scope();

    @Message("Status")
    String col_status();

    @Message("Authenticator app")
    String col_two_factor();

    @Message("Last sign-in")
    String col_last_sign_in();

    @Message("you")
    String you();

    @Message("Set up")
    String yes();

    @Message("Not set up")
    String no();

    @Message("Never")
    String never();

    @Message("All events")
    String all_events();

    @Message("No event")
    String no_events();

    @Message("Invite someone")
    String invite_title();

    @Message("They get a mail with a link (valid 72 hours) to choose a password and set up their authenticator app.")
    String invite_intro();

    @Message("Send the invitation")
    String invite_button();

    @Message("Email")
    String field_email();

    @Message("Name")
    String field_name();

    @Message("Role")
    String field_role();

    @Message("Owner: everything, the team and the access log too. Manager: everything about their events. Door: check-in at their events.")
    String field_role_hint();

    @Message("Events")
    String field_events();

    @Message("The events the role applies to. Choose several with Ctrl (⌘ on a Mac), or All events. An owner always has all events.")
    String field_events_hint();

    @Message("Invitation sent. The new member appears below as Invited until they open the link.")
    String done_invited();

    @Message("Account")
    String account_title();

    @Message("Change role and events")
    String change_title();

    @Message("Save role and events")
    String change_button();

    @Message("Role and events saved.")
    String done_changed();

    @Message("Access")
    String danger_title();

    @Message("Reset authenticator app…")
    String reset_button();

    @Message("Disable account…")
    String disable_button();

    @Message("This account is disabled: it cannot sign in.")
    String disabled_note();

    @Message("Account disabled. Its sessions have ended.")
    String done_disabled();

    @Message("Authenticator app reset. At their next sign-in they set up a new one.")
    String done_reset();

    @Message("Disable {name}?")
    String disable_confirm_title(String name);

    @Message("They are signed out everywhere at once, cannot sign in again, and an open invitation stops working.")
    String disable_confirm_text();

    @Message("Yes, disable this account")
    String disable_confirm_button();

    @Message("Reset the authenticator app of {name}?")
    String reset_confirm_title(String name);

    @Message("Their authenticator app and recovery codes stop working. At their next sign-in, after the password, they set up a new app.")
    String reset_confirm_text();

    @Message("Yes, reset the authenticator app")
    String reset_confirm_button();

    @Message("Give the name (at most 200 characters, no control characters).")
    String error_name();

    @Message("Choose a role.")
    String error_role();

    @Message("Choose events from the list.")
    String error_events();

    @Message("Choose at least one event, or All events.")
    String error_events_required();

    @Message("This email already has an account.")
    String error_email_taken();

    @Message("You cannot change or disable your own account; ask another owner.")
    String error_self();

    @Message("API tokens")
    String tokens_title();

    @Message("Tokens let scripts use the organizer API (Authorization: Bearer). Each has a role and events like a member. Making and revoking one is written to the access log.")
    String tokens_intro();

    @Message("Make a token")
    String token_create_title();

    @Message("Name")
    String field_token_name();

    @Message("What uses it, e.g. nightly export.")
    String field_token_name_hint();

    @Message("Expires (KST)")
    String field_expires();

    @Message("Optional. Empty: until it is revoked.")
    String field_expires_hint();

    @Message("The expiry must lie in the future.")
    String error_expires();

    @Message("Make the token")
    String token_create_button();

    @Message("Token “{name}” made")
    String token_created_title(String name);

    @Message("Copy it now: it is shown only this once and cannot be shown again.")
    String token_created_once();

    @Message("Token")
    String token_secret();

    @Message("Send it as the header Authorization: Bearer followed by the token, on /api/admin only.")
    String token_usage();

    @Message("Tokens")
    String tokens_list_title();

    @Message("No tokens yet.")
    String tokens_empty();

    @Message("Token")
    String col_token();

    @Message("Expires")
    String col_expires();

    @Message("Last used")
    String col_last_used();

    @Message("made {when}")
    String token_made(String when);

    @Message("Never")
    String never_expires();

    @Message("Active")
    String token_live();

    @Message("Expired")
    String token_expired();

    @Message("Revoked {when}")
    String token_revoked(String when);

    @Message("Revoke…")
    String revoke_button();

    @Message("Revoke the token “{name}”?")
    String revoke_confirm_title(String name);

    @Message("Scripts that use it are refused from their next request on. This cannot be undone: make a new token if one is needed again.")
    String revoke_confirm_text();

    @Message("Yes, revoke the token")
    String revoke_confirm_button();

    @Message("Token revoked.")
    String done_revoked();

    @Message("Access log")
    String audit_title();

    @Message("Who looked at or changed what, newest first. Entries are never changed or deleted (only after the retention period), and each is chained to the one before, so any change shows below.")
    String audit_intro();

    @Message("The chain of all {entries} entries is intact.")
    String verify_ok(long entries);

    @Message("The chain is broken from entry #{id} on ({entries} entries): an entry was changed, removed or reordered there.")
    String verify_broken(Long id, long entries);

    @Message("All actions")
    String all_actions();

    @Message("Account")
    String col_account();

    @Message("Action")
    String col_action();

    @Message("Event")
    String col_event();

    @Message("From (date)")
    String field_from();

    @Message("To (date, included)")
    String field_to();

    @Message("Download as CSV")
    String audit_csv();

    @Message("Page {page}: {count} entries")
    String audit_page(int page, int count);

    @Message("Pages of the access log")
    String audit_pages();

    @Message("No entries match these filters.")
    String audit_empty();

    @Message("Time (KST)")
    String col_time();

    @Message("Account and address")
    String col_who();

    @Message("Action and event")
    String col_what();

    @Message("Details")
    String col_details();

    @Message("Registrations")
    String entry_registrations();

    @Message("and {count} more (in the CSV)")
    String entry_more(int count);

    @Message("Filter")
    String entry_filter();

    @Message("{count} rows")
    String entry_count(int count);

    @Message("Reason")
    String entry_reason();

    @Message("Choose an action from the list.")
    String error_action();

    @Message("Give a date like 2026-11-01.")
    String error_date();

    @Message("Downloads this month")
    String downloads_link();

    @Message("Downloads in {month}")
    String downloads_title(String month);

    @Message("Every download of attendee data in the month (KST), with who, why and how many rows: for the monthly review.")
    String downloads_intro();

    @Message("Other months")
    String downloads_months();

    @Message("← {month}")
    String month_previous(String month);

    @Message("{month} →")
    String month_next(String month);

    @Message("{count} downloads")
    String downloads_count(int count);

    @Message("No downloads in this month.")
    String downloads_empty();

    @Message("Give the month like 2026-11. This month is shown instead.")
    String error_month();

    @Message("Rows")
    String col_rows();

    @Message("Reason")
    String col_reason();

    @Message("eventdesk: downloads in {month}")
    String review_subject(String month);

    @Message("Attendee data was downloaded {count} times in {month} (KST). Check that each download had a good reason.")
    String review_intro(int count, String month);

    @Message("And {count} more: the page lists them all.")
    String review_more(int count);

    @Message("The downloads page of the month:")
    String review_open();
}
