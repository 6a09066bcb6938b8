-- Directives sent down the tree. One row per directive in `directives`, one row per targeted unit in
-- `directive_targets` (40,000 rows for a directive from the centre to the whole tree: written with one
-- set-based INSERT, rolled up with one GROUP BY). `path` is the unit's path from the centre (ltree of unit
-- ids, 32 hex digits each), copied from the Organization module's answer when the directive is issued and
-- kept current when units move or merge (docs/adr/0030).

create table if not exists content.directives (
    id uuid primary key,
    issuer_unit_id uuid not null,
    number text not null,
    title text not null,
    summary text not null,
    issued_on date not null,
    effective_on date not null,
    acknowledge_by date not null,
    report_by date,
    target_kind text not null,
    target_levels int,
    target_count int not null,
    issued_by uuid not null,
    issued_at timestamptz not null,
    acknowledge_reminded_at timestamptz,
    report_reminded_at timestamptz
);
create unique index if not exists directives_issuer_number on content.directives (issuer_unit_id, lower(number));

create table if not exists content.directive_targets (
    directive_id uuid not null references content.directives (id),
    unit_id uuid not null,
    path ltree not null,
    active boolean not null default true,
    successor_id uuid,
    merged_from uuid[] not null default '{}',
    received_at timestamptz,
    received_by uuid,
    read_at timestamptz,
    read_by uuid,
    implemented_at timestamptz,
    implemented_by uuid,
    report text,
    version int not null default 1,
    primary key (directive_id, unit_id)
);
create index if not exists directive_targets_unit on content.directive_targets (unit_id, directive_id);
create index if not exists directive_targets_path on content.directive_targets using gist (path);

-- Implementation guidance an intermediate unit attaches; units below it see it with the directive.
create table if not exists content.directive_guidance (
    id uuid primary key,
    directive_id uuid not null references content.directives (id),
    unit_id uuid not null,
    text text not null,
    author_id uuid not null,
    created_at timestamptz not null,
    merged_from uuid
);
create index if not exists directive_guidance_directive on content.directive_guidance (directive_id, unit_id);
