-- Certified learning histories (docs/adr/0238): each printed history is a VC-JWT signed by the person's home unit
-- with its badge key. The statement names the person and their verified entries: it goes with the record on erasure.
create table if not exists records.learning_histories (
  id uuid primary key,
  person_id uuid not null,
  unit_id uuid not null,
  statement text not null,
  issued_at timestamptz not null
);
create index if not exists learning_histories_person on records.learning_histories (person_id);
