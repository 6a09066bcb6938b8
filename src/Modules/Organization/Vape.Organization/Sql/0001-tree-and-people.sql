-- The association's tree, its people and their roles. Current state in `units` / `people`; the past in
-- `unit_periods` / `member_periods` (one row per period, [valid_from, valid_to)), for "as of" questions.
-- The events in Marten's event store (one stream per unit) are the record of who changed what.

create table if not exists organization.units (
    id uuid primary key,
    code text not null unique,
    name text not null,
    name_folded text generated always as (vape.fold(name)) stored,
    kind text not null,
    parent_id uuid references organization.units (id),
    path ltree not null,
    depth int generated always as (nlevel(path) - 1) stored,
    status text not null default 'Active',
    effective_from date not null,
    effective_to date,
    successor_id uuid references organization.units (id),
    formed_from text[] not null default '{}',
    version int not null
);
create index if not exists units_path on organization.units using gist (path);
create index if not exists units_parent_code on organization.units (parent_id, code);
create index if not exists units_name_trgm on organization.units using gin (name_folded gin_trgm_ops);

create table if not exists organization.unit_periods (
    unit_id uuid not null references organization.units (id),
    valid_from date not null,
    valid_to date,
    name text not null,
    kind text not null,
    parent_id uuid,
    path ltree not null,
    status text not null,
    primary key (unit_id, valid_from)
);
create index if not exists unit_periods_path on organization.unit_periods using gist (path);

create table if not exists organization.people (
    id uuid primary key,
    full_name text not null,
    name_folded text generated always as (vape.fold(full_name)) stored,
    birth_year int,
    gender text,
    home_unit_id uuid not null references organization.units (id),
    household_id uuid,
    citizen_id_hash bytea unique,
    login text unique,
    external_id text unique,
    joined_on date not null,
    left_on date,
    version int not null default 1
);
create index if not exists people_home on organization.people (home_unit_id);
create index if not exists people_household on organization.people (household_id) where household_id is not null;
create index if not exists people_name_trgm on organization.people using gin (name_folded gin_trgm_ops);

-- Where each member belonged, period by period: merges move members, and statistics "as of" follow them.
create table if not exists organization.member_periods (
    person_id uuid not null references organization.people (id),
    unit_id uuid not null references organization.units (id),
    valid_from date not null,
    valid_to date,
    primary key (person_id, valid_from)
);
create index if not exists member_periods_unit on organization.member_periods (unit_id);

-- Other memberships: a learning clan, a member organisation.
create table if not exists organization.memberships (
    person_id uuid not null references organization.people (id),
    unit_id uuid not null references organization.units (id),
    primary key (person_id, unit_id)
);

create table if not exists organization.roles (
    id uuid primary key,
    person_id uuid not null references organization.people (id),
    unit_id uuid not null references organization.units (id),
    role text not null,
    term_from date not null,
    term_to date
);
create index if not exists roles_person on organization.roles (person_id);
create index if not exists roles_unit on organization.roles (unit_id);

-- Moves `unit` (and its subtree) under `new_parent` from `effective` on. Checked again here, under a lock
-- on the tree, so that two concurrent moves can never make a cycle.
create or replace function organization.move_unit(unit uuid, new_parent uuid, effective date) returns void
language plpgsql as $$
declare
    old_path ltree;
    parent_path ltree;
begin
    perform pg_advisory_xact_lock(hashtext('organization.tree'));
    select path into old_path from organization.units where id = unit for update;
    select path into parent_path from organization.units where id = new_parent;
    if old_path is null or parent_path is null then
        raise exception 'unit or parent not found' using errcode = 'VP404';
    end if;
    if parent_path <@ old_path then
        raise exception 'a unit cannot move under itself or its own descendant' using errcode = 'VP400';
    end if;
    -- the subtree's periods end, and start again with the new paths
    update organization.unit_periods p set valid_to = effective
      from organization.units u
     where p.unit_id = u.id and u.path <@ old_path and p.valid_to is null and p.valid_from < effective;
    delete from organization.unit_periods p using organization.units u
     where p.unit_id = u.id and u.path <@ old_path and p.valid_from = effective;
    update organization.units u
       set path = parent_path || subpath(u.path, nlevel(old_path) - 1),
           parent_id = case when u.id = unit then new_parent else u.parent_id end
     where u.path <@ old_path;
    insert into organization.unit_periods (unit_id, valid_from, name, kind, parent_id, path, status)
    select u.id, effective, u.name, u.kind, u.parent_id, u.path, u.status
      from organization.units u where u.path <@ (parent_path || subpath(old_path, nlevel(old_path) - 1));
end $$;

-- Merges `unit` into `successor` from `effective` on: its members, roles and children pass to the successor.
create or replace function organization.merge_unit(unit uuid, successor uuid, effective date) returns void
language plpgsql as $$
declare
    unit_path ltree;
    successor_path ltree;
    child uuid;
begin
    perform pg_advisory_xact_lock(hashtext('organization.tree'));
    select path into unit_path from organization.units where id = unit and status = 'Active' for update;
    select path into successor_path from organization.units where id = successor and status = 'Active';
    if unit_path is null or successor_path is null then
        raise exception 'unit or successor not found or not active' using errcode = 'VP404';
    end if;
    if successor_path <@ unit_path then
        raise exception 'a unit cannot merge into itself or its own descendant' using errcode = 'VP400';
    end if;
    for child in select id from organization.units where parent_id = unit and status = 'Active' loop
        perform organization.move_unit(child, successor, effective);
    end loop;
    update organization.member_periods mp set valid_to = effective
     where mp.unit_id = unit and mp.valid_to is null and mp.valid_from < effective;
    insert into organization.member_periods (person_id, unit_id, valid_from)
    select p.id, successor, effective from organization.people p where p.home_unit_id = unit and p.left_on is null
    on conflict (person_id, valid_from) do update set unit_id = excluded.unit_id;
    update organization.people set home_unit_id = successor where home_unit_id = unit;
    insert into organization.memberships (person_id, unit_id)
    select person_id, successor from organization.memberships where unit_id = unit on conflict do nothing;
    delete from organization.memberships where unit_id = unit;
    update organization.roles set term_to = effective where unit_id = unit and (term_to is null or term_to > effective);
    update organization.unit_periods set valid_to = effective where unit_id = unit and valid_to is null and valid_from < effective;
    delete from organization.unit_periods where unit_id = unit and valid_from = effective;
    update organization.units set status = 'Merged', effective_to = effective, successor_id = successor where id = unit;
end $$;

-- Closes the unit's current period on `effective` and opens the next from its current row (if still active).
create or replace function organization.restart_period(unit uuid, effective date) returns void
language sql as $$
    update organization.unit_periods set valid_to = effective where unit_id = unit and valid_to is null and valid_from < effective;
    delete from organization.unit_periods where unit_id = unit and valid_from = effective;
    insert into organization.unit_periods (unit_id, valid_from, name, kind, parent_id, path, status)
    select id, effective, name, kind, parent_id, path, status from organization.units where id = unit and status = 'Active';
$$;
