-- Citizens' accounts (issue #22, ADR 0120). An account is who signed in at an issuer (the local one, the citizens'
-- OpenID Connect provider, Entra ID): (issuer, subject). It is a person only through `person_id`, set by an
-- explicit link: a claim code, an official's approval or an official's `linkAccount`.
create table if not exists organization.accounts (
    id uuid primary key,
    issuer text not null,
    subject text not null,
    person_id uuid references organization.people (id),
    created_at timestamptz not null,
    linked_at timestamptz,
    unique (issuer, subject)
);
create index if not exists accounts_person on organization.accounts (person_id) where person_id is not null;

-- The local issuer's sign-in addresses (phone or e-mail), kept only as a keyed hash.
create table if not exists organization.local_addresses (
    address_hash bytea primary key,
    account_id uuid not null references organization.accounts (id) on delete cascade
);

-- One-time sign-in codes of the local issuer, by the address's keyed hash: the code's keyed hash, its expiry,
-- the wrong tries it has had, and how many codes the address was sent in the current hour.
create table if not exists organization.sign_in_codes (
    address_hash bytea primary key,
    code_hash bytea not null,
    expires_at timestamptz not null,
    failures int not null default 0,
    window_start timestamptz not null,
    sent_in_window int not null default 1
);

-- What the development mailbox received (Development and tests only: Production has no local sign-up).
create table if not exists organization.dev_mailbox (
    id bigint generated always as identity primary key,
    address text not null,
    message text not null,
    sent_at timestamptz not null
);

-- Claim codes an official hands out for one member (printed or sent): the keyed hash only, one live code a member.
create table if not exists organization.claim_codes (
    code_hash bytea primary key,
    person_id uuid not null unique references organization.people (id),
    issued_by uuid not null,
    expires_at timestamptz not null
);

-- Wrong claim codes per account; five lock the account's claims for a while (on every host: it is here).
create table if not exists organization.claim_attempts (
    account_id uuid primary key references organization.accounts (id) on delete cascade,
    failures int not null,
    locked_until timestamptz
);
