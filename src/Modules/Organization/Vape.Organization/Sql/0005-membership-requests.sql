-- A signed-in citizen asks a unit: to be linked to a member it holds (the official chooses whom, after seeing the
-- person), or to be added as a new member. One open request an account; decided once.
create table if not exists organization.membership_requests (
    id uuid primary key,
    account_id uuid not null references organization.accounts (id) on delete cascade,
    unit_id uuid not null references organization.units (id),
    full_name text not null,
    birth_year int,
    requested_at timestamptz not null,
    decided_at timestamptz,
    decided_by uuid,
    outcome text,
    person_id uuid references organization.people (id)
);
create unique index if not exists membership_requests_open on organization.membership_requests (account_id) where decided_at is null;
create index if not exists membership_requests_unit on organization.membership_requests (unit_id, requested_at) where decided_at is null;
