-- What xAPI clients write about a member is sealed with the member's key (records.person_keys), and erasure shreds it
-- with the rest of the record (docs/adr/0134). `body` of a sealed statement is '{}'; its index columns are wiped on erasure.
alter table records.xapi_statements add column if not exists sealed bytea;
alter table records.xapi_statements add column if not exists erased boolean not null default false;
alter table records.xapi_documents add column if not exists person_id uuid;
alter table records.xapi_documents add column if not exists sealed boolean not null default false;
create index if not exists xapi_documents_person on records.xapi_documents (person_id) where person_id is not null;
