create sequence outbox_message_seq start with 1 increment by 50;

-- One row per email; written in the transaction that makes the email due, sent later by the relay.
-- Bodies are cleared once sent: they carry links with tokens.
create table outbox_message (
    id              bigint        not null primary key,
    registration_id bigint        references registration (id),
    kind            varchar(32)   not null,
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

create index outbox_due on outbox_message (status, next_attempt_at);
