-- A person's own page at /me. A link mailed to an address with registrations (the row keeps the SHA-256 of
-- its secret and the normalized address) opens one session, once, within 15 minutes; the session (the
-- browser's cookie holds its secret, the row its SHA-256) lasts 30 minutes by the application's clock.
-- Rows live in the database so that every instance honours them; old ones are deleted every hour.
create table my_data_link (
    token_hash varchar(64)  not null primary key,
    email      varchar(254) not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone
);

create index my_data_link_expires on my_data_link (expires_at);

create table my_data_session (
    token_hash varchar(64)  not null primary key,
    email      varchar(254) not null,
    started_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);

create index my_data_session_email on my_data_session (email);
create index my_data_session_expires on my_data_session (expires_at);

-- A person's registrations across events are found by their normalized address.
create index registration_email on registration (email_normalized);
