-- "Still coming?" and reminders before the day (package eventdesk.attendance).
-- Per-event overrides of eventdesk.reconfirm-before / eventdesk.reminder-before as ISO-8601 durations
-- (null: the server's default; PT0S: off for this event), and the optional automatic release of
-- confirmed people who did not answer by start - reconfirm_deadline_before.
alter table event add column reconfirm_before varchar(32);
alter table event add column reminder_before varchar(32);
alter table event add column auto_release_unanswered boolean default false not null;
alter table event add column reconfirm_deadline_before varchar(32);

-- Sent markers: set in the same transaction as the mail's outbox row, under the event's row lock,
-- so each person gets each mail once whatever the number of instances or restarts.
alter table registration add column reconfirm_sent_at timestamp(6) with time zone;
-- The answer deadline the "still coming?" mail named (null: it named none, so no automatic release).
alter table registration add column reconfirm_deadline timestamp(6) with time zone;
-- When the person answered "I'll be there".
alter table registration add column reconfirmed_at timestamp(6) with time zone;
alter table registration add column reminder_sent_at timestamp(6) with time zone;
