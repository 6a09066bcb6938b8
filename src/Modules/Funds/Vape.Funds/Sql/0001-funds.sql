-- The Funds module: funds of units, donations, programmes, awards and a double-entry ledger per unit, chained by
-- hashes and signed by the unit's key (docs/adr/0090, 0091). Money is bigint đồng everywhere.

create table if not exists funds.funds (
  id uuid primary key,
  unit_id uuid not null,
  unit_path ltree not null,
  name text not null,
  purpose text not null,
  rules text not null default '',
  bank_bin text,
  bank_account text,
  account_name text,
  created_by uuid not null,
  created_at timestamptz not null
);
create index if not exists funds_unit on funds.funds (unit_id);
create index if not exists funds_path on funds.funds using gist (unit_path);

-- What each account of a fund has seen. CASH and GOODS are what the fund holds: never below zero (the
-- constraint is the last word; appends also check it under the unit's ledger lock, to answer with a code).
create table if not exists funds.balances (
  fund_id uuid not null references funds.funds (id),
  account text not null,
  debits bigint not null default 0 check (debits >= 0),
  credits bigint not null default 0 check (credits >= 0),
  primary key (fund_id, account),
  constraint held_never_below_zero check (account not in ('CASH', 'GOODS') or debits >= credits)
);

-- The head of each unit's ledger: every append locks this row first, so a unit's entries are chained in one order.
create table if not exists funds.ledgers (
  unit_id uuid primary key,
  seq bigint not null default 0,
  head bytea not null
);

create table if not exists funds.entries (
  unit_id uuid not null,
  seq bigint not null,
  id uuid not null unique,
  fund_id uuid not null references funds.funds (id),
  recorded_at timestamptz not null,
  on_date date not null,
  kind text not null,
  debit text not null,
  credit text not null,
  amount bigint not null check (amount > 0),
  reference text not null,
  memo text not null,
  reverses uuid unique references funds.entries (id),
  programme_id uuid,
  recorded_by uuid not null,
  prev_hash bytea not null,
  hash bytea not null,
  primary key (unit_id, seq),
  check (debit <> credit)
);
create index if not exists entries_fund on funds.entries (fund_id, on_date);

create or replace function funds.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'funds.entries is append-only: a correction is a new entry that reverses the old one' using errcode = 'P0001';
end $$;
drop trigger if exists entries_append_only on funds.entries;
create trigger entries_append_only before update or delete on funds.entries for each row execute function funds.refuse_change();

-- Each unit's ledger signing key (ECDSA P-256), see docs/adr/0091.
create table if not exists funds.unit_keys (
  unit_id uuid primary key,
  private_key bytea not null,
  public_key bytea not null,
  created_at timestamptz not null
);

create table if not exists funds.pledges (
  id uuid primary key,
  fund_id uuid not null references funds.funds (id),
  reference text not null unique,
  amount bigint not null check (amount > 0),
  donor_name text,
  visibility text not null,
  pledged_by uuid not null,
  pledged_at timestamptz not null,
  donation_id uuid unique
);

create table if not exists funds.donations (
  id uuid primary key,
  fund_id uuid not null references funds.funds (id),
  entry_id uuid not null unique,
  pledge_id uuid unique references funds.pledges (id),
  request_id uuid,
  kind text not null,
  amount bigint not null check (amount > 0),
  goods text,
  donor_name text,
  visibility text not null,
  received_on date not null,
  receipt_year int not null,
  receipt_number int not null,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  unique (fund_id, receipt_year, receipt_number),
  unique (fund_id, request_id)
);

-- Receipt numbers per fund and year, without gaps: taken under the row lock of the year's counter.
create table if not exists funds.receipt_counters (
  fund_id uuid not null,
  year int not null,
  last int not null,
  primary key (fund_id, year)
);

create table if not exists funds.programmes (
  id uuid primary key,
  unit_id uuid not null,
  unit_path ltree not null,
  name text not null,
  kind text not null,
  criteria text not null,
  opens_on date not null,
  closes_on date not null,
  budget bigint not null check (budget > 0),
  awarded bigint not null default 0,
  created_by uuid not null,
  created_at timestamptz not null,
  check (awarded >= 0 and awarded <= budget),
  check (opens_on <= closes_on)
);
create index if not exists programmes_path on funds.programmes using gist (unit_path);

create table if not exists funds.programme_funds (
  programme_id uuid not null references funds.programmes (id),
  fund_id uuid not null references funds.funds (id),
  primary key (programme_id, fund_id)
);

create table if not exists funds.nominations (
  id uuid primary key,
  programme_id uuid not null references funds.programmes (id),
  unit_id uuid not null,
  person_id uuid not null,
  reason text not null,
  public_name boolean not null,
  nominated_by uuid not null,
  nominated_at timestamptz not null,
  status text not null,
  decision_reason text,
  decided_by uuid,
  decided_at timestamptz,
  unique (programme_id, person_id)
);

create table if not exists funds.awards (
  id uuid primary key,
  programme_id uuid not null references funds.programmes (id),
  nomination_id uuid not null unique references funds.nominations (id),
  person_id uuid not null,
  unit_id uuid not null,
  fund_id uuid not null references funds.funds (id),
  amount bigint not null check (amount > 0),
  decided_on date not null,
  public_name boolean not null,
  status text not null,
  method text,
  paid_on date,
  entry_id uuid unique
);
create index if not exists awards_programme on funds.awards (programme_id);
