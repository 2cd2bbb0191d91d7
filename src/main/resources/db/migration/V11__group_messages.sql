-- A message an organizer sent to a group of one event's registrations. The idempotency
-- key is unique per event: a repeated or concurrent submit of one key cannot write a second message.
create sequence group_message_seq start with 1 increment by 50;

create table group_message (
    id               bigint        not null primary key,
    event_id         bigint        not null references event (id),
    recipient_group  varchar(32)   not null,
    subject          varchar(200),
    subject_ko       varchar(200),
    body             varchar(10000),
    body_ko          varchar(10000),
    idempotency_key  varchar(100)  not null,
    recipient_count  integer       not null,
    sent_by          varchar(100)  not null,
    created_at       timestamp(6) with time zone not null,
    constraint group_message_key_unique unique (event_id, idempotency_key)
);

create index group_message_event on group_message (event_id, created_at);

-- Who got which message, and through which outbox row (its sent_at says when it went out). Rows go
-- with their registration (retention deletes registrations and their mails); a deleted outbox row
-- leaves the record without a send time.
create sequence message_recipient_seq start with 1 increment by 50;

create table message_recipient (
    id                bigint not null primary key,
    message_id        bigint not null references group_message (id) on delete cascade,
    registration_id   bigint not null references registration (id) on delete cascade,
    outbox_message_id bigint references outbox_message (id) on delete set null,
    constraint message_recipient_unique unique (message_id, registration_id)
);

create index message_recipient_registration on message_recipient (registration_id);
create index message_recipient_outbox on message_recipient (outbox_message_id);
