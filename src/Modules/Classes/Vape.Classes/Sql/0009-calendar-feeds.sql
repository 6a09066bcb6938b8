-- A person's iCalendar feed of their classes (docs/adr/0158): one secret token per person, only its SHA-256 kept.
-- Creating again replaces the row (the old token stops working); revoking deletes it.
create table if not exists classes.calendar_feeds (
    person_id uuid primary key,
    token_hash bytea not null unique,
    created_at timestamptz not null
);

-- How many times a session was moved: with the class's version it makes the event's SEQUENCE, which only grows.
alter table classes.sessions add column if not exists revision int not null default 0;
