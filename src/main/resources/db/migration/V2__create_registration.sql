create sequence registration_seq start with 1 increment by 50;

-- active_email is the normalized email while the registration is PENDING, CONFIRMED or WAITLISTED
-- and null otherwise: the unique constraint makes two active registrations per (event, email)
-- impossible on every database (nulls never collide), without partial indexes.
create table registration (
    id                   bigint       not null primary key,
    event_id             bigint       not null references event (id),
    status               varchar(16)  not null,
    name                 varchar(100) not null,
    email                varchar(254) not null,
    email_normalized     varchar(254) not null,
    active_email         varchar(254),
    affiliation          varchar(100) not null,
    role                 varchar(16)  not null,
    locale               varchar(2)   not null,
    consent_at           timestamp(6) with time zone not null,
    marketing_consent    boolean      not null,
    marketing_consent_at timestamp(6) with time zone,
    created_at           timestamp(6) with time zone not null,
    hold_expires_at      timestamp(6) with time zone,
    waitlist_seq         bigint,
    confirmed_at         timestamp(6) with time zone,
    cancelled_at         timestamp(6) with time zone,
    expired_at           timestamp(6) with time zone,
    checked_in_at        timestamp(6) with time zone,
    constraint registration_active_unique unique (event_id, active_email)
);

create index registration_event_status on registration (event_id, status);
create index registration_event_waitlist on registration (event_id, waitlist_seq);
create index registration_hold on registration (status, hold_expires_at);

-- Emailed links carry a token; only its SHA-256 is kept. Each email may issue a fresh token, older
-- ones stay valid for their purpose (CONFIRM dies with the hold, CHECKIN and MANAGE with the registration).
create table access_token (
    token_hash      varchar(64) not null primary key,
    registration_id bigint      not null references registration (id),
    purpose         varchar(16) not null,
    created_at      timestamp(6) with time zone not null
);

create index access_token_registration on access_token (registration_id, purpose);
