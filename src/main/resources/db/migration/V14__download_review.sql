-- The monthly review of attendee downloads mailed to the team's owners: one row per reviewed month
-- ('2026-11', KST), written in the transaction that puts the mails in the outbox, so a month's review
-- goes out once however many times and on however many instances the job runs.
create table download_review (
    review_month varchar(7)  not null primary key,
    sent_at      timestamp(6) with time zone not null,
    recipients   integer     not null
);
