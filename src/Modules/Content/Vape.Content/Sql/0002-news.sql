-- News of activities that units publish: public, or only for the members and officials of the unit's subtree.
-- `path` is the publishing unit's path (as in directive_targets), kept current when units move or merge.
create table if not exists content.news (
    id uuid primary key,
    unit_id uuid not null,
    path ltree not null,
    title text not null,
    body text not null,
    public boolean not null,
    published_by uuid not null,
    published_at timestamptz not null
);
create index if not exists news_path on content.news using gist (path);
create index if not exists news_public on content.news (id desc) where public;
