-- Quiet hours (docs/adr/0182): minutes after local midnight, in the person's IANA time zone; null when none. A
-- notification that may break them (its sender's role allows it) says so in its own row.

alter table notifications.settings
  add column if not exists quiet_start smallint check (quiet_start between 0 and 1439),
  add column if not exists quiet_end smallint check (quiet_end between 0 and 1439),
  add column if not exists time_zone text;

alter table notifications.inbox add column if not exists priority boolean not null default false;
