-- A nomination's evidence (docs/adr/0246): the ids of the nominee's record entries the nominating official chose. Only
-- the ids: the entries stay sealed in the Records module, read again through its audited read by whoever looks.
create table if not exists funds.nomination_evidence (
  nomination_id uuid not null references funds.nominations (id),
  entry_id uuid not null,
  primary key (nomination_id, entry_id)
);
