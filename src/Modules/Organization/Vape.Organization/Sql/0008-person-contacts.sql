-- A member's phone number and e-mail address (issue #22, ADR 0185): sealed with the person's key (Records' key,
-- the one erasure shreds) and a keyed hash of the written form, by which recovery finds the person. No plain value.
create table if not exists organization.person_contacts (
    person_id uuid not null references organization.people (id) on delete cascade,
    kind text not null check (kind in ('Phone', 'Email')),
    sealed bytea not null,
    lookup_hash bytea not null,
    changed_at timestamptz not null,
    primary key (person_id, kind)
);
create index if not exists person_contacts_lookup on organization.person_contacts (lookup_hash);

-- A change waiting for the code sent to the new address: the new value sealed, the code's keyed hash, its expiry;
-- the wrong tries (five lock changes for a while) and the codes sent in the current hour (five at most).
create table if not exists organization.contact_changes (
    person_id uuid primary key references organization.people (id) on delete cascade,
    kind text,
    sealed bytea,
    code_hash bytea,
    expires_at timestamptz,
    failures int not null default 0,
    locked_until timestamptz,
    window_start timestamptz not null,
    sent_in_window int not null default 0
);

-- The development mailbox keeps the address it was sent to as a keyed hash too: a dump of a test database holds
-- no phone number or e-mail address (ADR 0185). What it held before is development data and goes.
alter table organization.dev_mailbox add column if not exists address_hash bytea;
delete from organization.dev_mailbox where address_hash is null;
alter table organization.dev_mailbox drop column if exists address;
alter table organization.dev_mailbox alter column address_hash set not null;
create index if not exists dev_mailbox_address on organization.dev_mailbox (address_hash, id);
