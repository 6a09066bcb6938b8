-- Edit and withdraw for news and resources, kept in history (ADR 0074). Each row has a version (optimistic
-- concurrency: `expectedVersion`); an edit first copies the version it replaces into *_versions, so every earlier
-- text stays readable by the officials who may review it. A withdrawn item leaves the public lists and search.
alter table content.news add column if not exists version int not null default 1;
alter table content.news add column if not exists edited_by uuid;
alter table content.news add column if not exists edited_at timestamptz;
alter table content.news add column if not exists withdrawn_by uuid;
alter table content.news add column if not exists withdrawn_at timestamptz;

create table if not exists content.news_versions (
    news_id uuid not null references content.news (id),
    version int not null,
    title text not null,
    body text not null,
    public boolean not null,
    image_file_ids uuid[] not null,
    written_by uuid not null,
    written_at timestamptz not null,
    primary key (news_id, version)
);

alter table content.resources add column if not exists version int not null default 1;
alter table content.resources add column if not exists edited_by uuid;
alter table content.resources add column if not exists edited_at timestamptz;
alter table content.resources add column if not exists withdrawn_by uuid;
alter table content.resources add column if not exists withdrawn_at timestamptz;

-- The resource's description as it was (Dublin Core / LRMI fields, status), one row per replaced version.
create table if not exists content.resource_versions (
    resource_id uuid not null references content.resources (id),
    version int not null,
    description jsonb not null,
    written_by uuid not null,
    written_at timestamptz not null,
    primary key (resource_id, version)
);

-- "My submitted resources", newest first.
create index if not exists resources_submitter on content.resources (submitted_by, id desc);
