-- The people a decided title proposal named (docs/adr/0309): each reads a rejection and its reason on their record.
create table if not exists records.title_decision_people (
  person_id uuid not null,
  decision_id uuid not null references records.title_decisions (id) on delete cascade,
  primary key (person_id, decision_id)
);
