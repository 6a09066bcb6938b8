-- A merged or dissolved unit's channels are archived: read-only, linked to the successor's channel of the same kind (docs/adr/0045).
alter table coordination.channels add column if not exists archived_at timestamptz;
alter table coordination.channels add column if not exists successor_channel_id uuid references coordination.channels (id);
create index if not exists channels_successor on coordination.channels (successor_channel_id) where successor_channel_id is not null;
