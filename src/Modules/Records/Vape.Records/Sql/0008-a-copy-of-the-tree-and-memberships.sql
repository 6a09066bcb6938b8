-- Records' own copy of the tree's paths and of today's memberships, kept by Organization's events, so that statistics,
-- title proposals and the verification queue join them in SQL (docs/adr/0167). Filled at start-up when empty
-- (`MembershipCopy.RebuildAsync`), which is how an existing database gets it.
create table if not exists records.unit_paths (
    id uuid primary key,
    parent_id uuid,
    kind text not null,
    active boolean not null,
    path ltree not null
);
create index if not exists unit_paths_path on records.unit_paths using gist (path);

-- A person once per unit they belong to today: the home unit (`home`) or another (a clan, a chapter). Who left has no row.
create table if not exists records.memberships (
    person_id uuid not null,
    unit_id uuid not null,
    household_id uuid,
    home boolean not null,
    primary key (person_id, unit_id)
);
create index if not exists memberships_unit on records.memberships (unit_id) include (person_id, household_id);
