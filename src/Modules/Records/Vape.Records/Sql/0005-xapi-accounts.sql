-- xAPI accounts a member linked (or an official linked for them): statements whose actor is that account are the
-- member's (docs/adr/0131). Never matched by e-mail.
create table if not exists records.xapi_accounts (
  home_page text not null,
  name text not null,
  person_id uuid not null,
  linked_by uuid not null,
  linked_at timestamptz not null,
  primary key (home_page, name)
);
create index if not exists xapi_accounts_person on records.xapi_accounts (person_id);
