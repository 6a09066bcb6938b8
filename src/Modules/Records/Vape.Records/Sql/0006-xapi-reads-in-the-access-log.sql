-- A learning provider's read of a person's statements or documents is a look at their record too (docs/adr/0132):
-- the reader is then the xAPI client, not an official.
alter table records.access_log alter column official_id drop not null;
alter table records.access_log add column if not exists xapi_client_id uuid;
