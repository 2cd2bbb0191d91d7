-- A number that grows with every change to what the public sees of an event: its row, its ticket types,
-- questions and invitation codes. Every instance's cache of public pages compares it (and the seat counters)
-- on each request, so a change made by any instance shows at once everywhere.
alter table event add column revision bigint default 0 not null;
