-- Custom questions an event asks on its sign-up form. The key names the answers (registration.answers
-- is a JSON object keyed by it), so it never changes; a question removed after sign-ups began stays
-- with removed_at set, and its answers still export. choices and ticket_types are JSON arrays.
create sequence question_seq start with 1 increment by 50;

create table question (
    id           bigint        not null primary key,
    event_id     bigint        not null references event (id),
    question_key varchar(40)   not null,
    type         varchar(16)   not null,
    label        varchar(300)  not null,
    label_ko     varchar(300)  not null,
    hint         varchar(500),
    hint_ko      varchar(500),
    required     boolean       not null,
    choices      varchar(20000),
    ticket_types varchar(2000),
    sort_order   integer       not null,
    created_at   timestamp(6) with time zone not null,
    removed_at   timestamp(6) with time zone,
    constraint question_key_unique unique (event_id, question_key)
);

-- The answers a registration gave, as a JSON object {questionKey: value}; written with the registration.
alter table registration add column answers varchar(100000);
