-- The Notifications module: every person's inbox, read or unread, across devices (docs/adr/0122). One row per
-- person, kind and subject: a second delivery of the same event finds its row and adds nothing.

create table if not exists notifications.inbox (
  id uuid primary key,
  person_id uuid not null,
  kind text not null,
  subject text not null,
  title text not null,
  body text not null,
  link text,
  created_at timestamptz not null,
  read_at timestamptz,
  unique (person_id, kind, subject)
);
-- Unread first, newest first (ids are version-7 GUIDs, so newer is larger).
create index if not exists inbox_page on notifications.inbox (person_id, (read_at is not null), id desc);
create index if not exists inbox_unread on notifications.inbox (person_id) where read_at is null;
