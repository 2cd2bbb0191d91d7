-- Seat and waitlist counters on the event row, changed only under the event's row lock in the
-- same transaction as the registrations, so pages read seats left by primary key.
alter table event add column seats_taken integer default 0 not null;
alter table event add column waitlisted integer default 0 not null;
alter table event add column waitlist_seq bigint default 0 not null;

update event set
    seats_taken = (select count(*) from registration r where r.event_id = event.id and r.status in ('PENDING', 'CONFIRMED')),
    waitlisted = (select count(*) from registration r where r.event_id = event.id and r.status = 'WAITLISTED'),
    waitlist_seq = coalesce((select max(r.waitlist_seq) from registration r where r.event_id = event.id), 0);

alter table event add constraint event_seats_within_capacity check (seats_taken >= 0 and seats_taken <= capacity);

-- When the registration's email was last sent again for a repeated sign-up (at most every 10 minutes).
alter table registration add column resent_at timestamp(6) with time zone;

-- The outbox knows nothing of registrations: a message belongs to an opaque owner id, without a
-- foreign key (a batch of sign-ups inserts its mails and registrations in any order within one
-- transaction). A row is small: its kind, owner and params; the feature that wrote it renders the
-- body when it is sent (body_* stay for rows written before, and for the dev mailbox).
-- The table is rebuilt because the old foreign key has a different name per database.
create table outbox (
    id              bigint        not null primary key,
    owner_id        bigint,
    kind            varchar(32)   not null,
    params          varchar(2000),
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body_text       varchar(200000),
    body_html       varchar(200000),
    qr_data         varchar(500),
    ics             varchar(20000),
    ics_name        varchar(100),
    status          varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(1000),
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone
);
insert into outbox (id, owner_id, kind, recipient, subject, body_text, body_html, qr_data, ics, ics_name, status,
                    attempts, next_attempt_at, last_error, created_at, sent_at)
select id, registration_id, kind, recipient, subject, body_text, body_html, qr_data, ics, ics_name, status,
       attempts, next_attempt_at, last_error, created_at, sent_at from outbox_message;
drop table outbox_message;
alter table outbox rename to outbox_message;
create index outbox_due on outbox_message (status, next_attempt_at);
create index outbox_owner on outbox_message (owner_id);

-- The attendee export reads an event's registrations in keyset batches by id.
create index registration_event_id on registration (event_id, id);
