-- Files attached to a message (docs/adr/0043): what the file is, copied from the file store when posted.
alter table coordination.messages add column if not exists attachments jsonb not null default '[]';
