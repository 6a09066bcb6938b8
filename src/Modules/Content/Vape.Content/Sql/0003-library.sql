-- The open learning-resource library. Anyone signed in submits; an official of the reviewing unit (or above)
-- approves or rejects; only approved resources are public. `search_text` is the folded text for search.
-- array_to_string is only stable (it formats any element type); for text[] it is immutable, as this says.
create or replace function content.words(text[]) returns text language sql immutable strict parallel safe
    as $$ select array_to_string($1, ' ') $$;

create table if not exists content.resources (
    id uuid primary key,
    title text not null,
    description text not null,
    domain text not null,
    audience text not null,
    language text not null,
    format text not null,
    licence text not null,
    author text,
    source text,
    subjects text[] not null default '{}',
    educational_level text,
    resource_type text,
    external_url text not null,
    collections text[] not null default '{}',
    status text not null,
    rejection_reason text,
    review_unit_id uuid not null,
    review_path ltree not null,
    submitted_by uuid not null,
    submitted_at timestamptz not null,
    reviewed_by uuid,
    reviewed_at timestamptz,
    views bigint not null default 0,
    rating_count int not null default 0,
    rating_sum int not null default 0,
    search_text text generated always as (vape.fold(title || ' ' || description || ' ' || coalesce(author, '') || ' ' || content.words(subjects))) stored
);
create index if not exists resources_search on content.resources using gin (search_text gin_trgm_ops);
create index if not exists resources_approved on content.resources (id desc) where status = 'Approved';
create index if not exists resources_review on content.resources using gist (review_path) where status = 'Submitted';

create table if not exists content.resource_ratings (
    resource_id uuid not null references content.resources (id),
    person_id uuid not null,
    stars int not null check (stars between 1 and 5),
    primary key (resource_id, person_id)
);
