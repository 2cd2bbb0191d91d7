create sequence event_seq start with 101 increment by 50;

create table event (
    id                     bigint        not null primary key,
    slug                   varchar(64)   not null,
    title                  varchar(200)  not null,
    title_ko               varchar(200)  not null,
    description            varchar(4000) not null,
    description_ko         varchar(4000) not null,
    venue                  varchar(200)  not null,
    address                varchar(300)  not null,
    starts_at              timestamp(6) with time zone not null,
    ends_at                timestamp(6) with time zone not null,
    capacity               integer       not null,
    waitlist_enabled       boolean       not null,
    registration_opens_at  timestamp(6) with time zone not null,
    registration_closes_at timestamp(6) with time zone not null,
    status                 varchar(16)   not null,
    created_at             timestamp(6) with time zone not null,
    constraint event_slug_unique unique (slug),
    constraint event_capacity_positive check (capacity >= 0),
    constraint event_times check (ends_at >= starts_at)
);
