-- Organizer team: one account per person, signed in with its email. role is OWNER, MANAGER or DOOR;
-- all_events true means every event (an OWNER always has all), else the slugs in account_event.
-- password_hash is bcrypt (null until an invited person sets one); totp_secret is the base32 key of
-- the authenticator app (null until enrolled) and totp_last_step the last 30-second step whose code
-- was accepted, so each code is taken once however many instances share the database.
create sequence account_seq start with 1 increment by 50;

create table account (
    id              bigint        not null primary key,
    email           varchar(254)  not null,
    name            varchar(100)  not null,
    password_hash   varchar(100),
    status          varchar(16)   not null,
    role            varchar(16)   not null,
    all_events      boolean       not null,
    totp_secret     varchar(64),
    totp_last_step  bigint,
    created_at      timestamp(6) with time zone not null,
    last_sign_in_at timestamp(6) with time zone,
    constraint account_email_unique unique (email)
);

create table account_event (
    account_id bigint      not null references account (id) on delete cascade,
    event_slug varchar(64) not null,
    primary key (account_id, event_slug)
);

-- Single-use recovery codes: only their SHA-256 is kept; used_at is set once, by a conditional update.
create sequence recovery_code_seq start with 1 increment by 50;

create table recovery_code (
    id         bigint      not null primary key,
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    created_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone,
    constraint recovery_code_unique unique (account_id, code_hash)
);

-- Invitation links (the link carries the secret, the row its SHA-256): valid 72 hours, used once.
create table invitation (
    token_hash varchar(64) not null primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone
);

create index invitation_account on invitation (account_id);

-- API tokens for scripts (Authorization: Bearer on /api/admin only): the secret is shown once, the
-- row keeps its SHA-256, its role and events (as an account's), expiry, revocation and last use.
create sequence api_token_seq start with 1 increment by 50;

create table api_token (
    id           bigint       not null primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    role         varchar(16)  not null,
    all_events   boolean      not null,
    created_by   bigint       references account (id) on delete set null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    last_used_at timestamp(6) with time zone,
    constraint api_token_hash_unique unique (token_hash)
);

create table api_token_event (
    api_token_id bigint      not null references api_token (id) on delete cascade,
    event_slug   varchar(64) not null,
    primary key (api_token_id, event_slug)
);

-- Organizer sessions (form login): the cookie names the account and the session; a session is alive
-- while its account is ACTIVE, it has not ended (log out), it was used within the idle timeout and it
-- began less than 12 hours ago. This replaces organizer_logout: a session without a row is refused.
create table organizer_session (
    session_id   varchar(64) not null primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    started_at   timestamp(6) with time zone not null,
    last_seen_at timestamp(6) with time zone not null,
    ended_at     timestamp(6) with time zone
);

create index organizer_session_account on organizer_session (account_id);
create index organizer_session_started on organizer_session (started_at);

drop table organizer_logout;

-- A password accepted, a second factor still to give: the browser holds the secret in a cookie, the
-- row its SHA-256. enroll_secret is the new authenticator key while the account sets one up.
create table sign_in_challenge (
    token_hash    varchar(64) not null primary key,
    account_id    bigint      not null references account (id) on delete cascade,
    created_at    timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone not null,
    attempts      integer     not null,
    enroll_secret varchar(64)
);

-- The access log: append-only, each entry's hash = SHA-256(previous entry's hash + this entry's
-- content), ids gapless in chain order. access_log_head is the one row every append locks (FOR UPDATE):
-- the last id and hash, and the anchor (the hash and id of the last entry deleted after the retention
-- period, or zeros), from which the kept entries still verify.
create table access_log_entry (
    id               bigint        not null primary key,
    at_ms            bigint        not null,
    account          varchar(254),
    address          varchar(64),
    action           varchar(32)   not null,
    event_slug       varchar(64),
    registration_ids varchar(20000),
    filter           varchar(1000),
    row_count        integer,
    reason           varchar(1000),
    hash             varchar(64)   not null
);

create index access_log_entry_at on access_log_entry (at_ms);
create index access_log_entry_account on access_log_entry (account, id);
create index access_log_entry_event on access_log_entry (event_slug, id);

create table access_log_head (
    id          integer     not null primary key,
    last_id     bigint      not null,
    last_hash   varchar(64) not null,
    anchor_id   bigint      not null,
    anchor_hash varchar(64) not null
);

insert into access_log_head (id, last_id, last_hash, anchor_id, anchor_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        0, '0000000000000000000000000000000000000000000000000000000000000000');
