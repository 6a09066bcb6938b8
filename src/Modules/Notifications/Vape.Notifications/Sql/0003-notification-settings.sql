-- Each person's choice per kind of notification (docs/adr/0123).

-- The kinds a person does not want pushed (the inbox holds them anyway); a version for edits from two devices.
create table if not exists notifications.settings (
  person_id uuid primary key,
  push_off text[] not null default '{}',
  version int not null
);
