-- Curated events: ticket types with their own seats and waitlists, approval, invitation codes.

-- Approval per event (a type may ask for it too); held seats are kept for invitation codes until held_until,
-- then released to each type's waitlist.
alter table event add column approval_required boolean default false not null;
alter table event add column held_until timestamp(6) with time zone;

-- A ticket type's counters, like the event's, change only under the event's row lock, in the same
-- transaction as the registrations they count. The event's capacity stays the overall cap.
-- held: seats of this type kept for invitation codes; held_used: codes that took one of them;
-- held_released_at: when the unused held seats went to the waitlist (none are held after that).
create sequence ticket_type_seq start with 1 increment by 50;
create table ticket_type (
    id                bigint       not null primary key,
    event_id          bigint       not null references event (id),
    type_key          varchar(32)  not null,
    name              varchar(100) not null,
    name_ko           varchar(100) not null,
    capacity          integer      not null,
    held              integer      not null,
    held_used         integer      default 0 not null,
    held_released_at  timestamp(6) with time zone,
    approval_required boolean      default false not null,
    sort_order        integer      not null,
    seats_taken       integer      default 0 not null,
    waitlisted        integer      default 0 not null,
    constraint ticket_type_key_unique unique (event_id, type_key),
    constraint ticket_type_seats_within_capacity check (seats_taken >= 0 and seats_taken <= capacity),
    constraint ticket_type_held check (held >= 0 and held <= capacity and held_used >= 0)
);

alter table registration add column ticket_type_id bigint references ticket_type (id);
alter table registration add column approved_at timestamp(6) with time zone;
alter table registration add column declined_at timestamp(6) with time zone;
create index registration_type_waitlist on registration (ticket_type_id, waitlist_seq);

-- Invitation codes: only the SHA-256 of a code is kept (the organizer sees a code once, when it is
-- made, and afterwards its first four characters). Single use: used_at and registration_id are set
-- under the event's row lock by the sign-up that takes the seat.
create sequence invitation_code_seq start with 1 increment by 50;
create table invitation_code (
    id              bigint      not null primary key,
    event_id        bigint      not null references event (id),
    ticket_type_id  bigint      references ticket_type (id),
    code_hash       varchar(64) not null,
    hint            varchar(8)  not null,
    email           varchar(254),
    expires_at      timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    used_at         timestamp(6) with time zone,
    registration_id bigint      references registration (id),
    constraint invitation_code_hash_unique unique (code_hash)
);
create index invitation_code_event on invitation_code (event_id, id);
