-- Organizer sessions ended by "Log out". A form-login cookie names its session; a cookie whose
-- session is listed here is refused on every instance, even if someone saved it before logging out.
-- Rows older than the longest cookie life are deleted by OrganizerSession.forgetOldLogouts.
create table organizer_logout (
    session_id    varchar(64)                 not null primary key,
    logged_out_at timestamp(6) with time zone not null
);
