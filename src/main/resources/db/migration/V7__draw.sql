-- Allocation by draw (docs/organizers.md). A DRAW event takes applications until draw_at; draw_seed is the
-- secret 256-bit seed (hex) made when the event becomes a draw, draw_commitment its SHA-256 shown from
-- the start; the seed is shown only once drawn_at is set. late_applications says what a sign-up
-- after the draw gets: CLOSED, or WAITLIST (first come, after the drawn ones).
alter table event add column allocation varchar(16) default 'FIRST_COME' not null;
alter table event add column draw_at timestamp(6) with time zone;
alter table event add column draw_confirm_window varchar(32);
alter table event add column draw_seed varchar(64);
alter table event add column draw_commitment varchar(64);
alter table event add column drawn_at timestamp(6) with time zone;
alter table event add column late_applications varchar(16) default 'CLOSED' not null;
-- APPLIED registrations (no seat yet), counted like seats_taken and waitlisted under the event lock.
alter table event add column applied integer default 0 not null;

-- An application's public reference code (no personal data), unique per event; when its email was
-- verified; its place in the draw order (1 = drawn first).
alter table registration add column reference varchar(16);
alter table registration add column verified_at timestamp(6) with time zone;
alter table registration add column draw_rank integer;
alter table registration add constraint registration_reference_unique unique (event_id, reference);
create index registration_event_rank on registration (event_id, draw_rank);
