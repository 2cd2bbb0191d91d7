-- The person's own data: which version of the sign-up notice they consented to (SHA-256 of the text
-- shown; the texts are kept in the repository per version), when they withdrew marketing consent, and
-- when their personal data was erased on request (the row stays for counts, charts and the draw record).
alter table registration add column consent_version varchar(64);
alter table registration add column marketing_withdrawn_at timestamp(6) with time zone;
alter table registration add column erased_at timestamp(6) with time zone;

-- A group message's purpose: TRANSACTIONAL (every recipient of its group) or PROMOTIONAL (only those with
-- marketing consent not withdrawn, with the advertising marks the law asks for).
alter table group_message add column purpose varchar(16) default 'TRANSACTIONAL' not null;
