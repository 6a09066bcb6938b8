-- The signed list of a cash ceremony (docs/adr/0190): numbered per fund and year like receipts, its lines the
-- programme's unpaid awards from the fund, its canonical content hashed (SHA-256) and kept with it. A payment at the
-- ceremony names the list; the line it pays is marked with the ledger line.
create table if not exists funds.ceremony_lists (
  id uuid primary key,
  fund_id uuid not null references funds.funds (id),
  programme_id uuid not null references funds.programmes (id),
  unit_id uuid not null,
  year int not null,
  number int not null,
  ceremony_on date not null,
  place text not null,
  content text not null,
  hash bytea not null,
  prepared_by uuid not null,
  prepared_at timestamptz not null,
  unique (fund_id, year, number)
);

create table if not exists funds.ceremony_counters (
  fund_id uuid not null,
  year int not null,
  last int not null,
  primary key (fund_id, year)
);

create table if not exists funds.ceremony_lines (
  list_id uuid not null references funds.ceremony_lists (id),
  line int not null,
  award_id uuid not null references funds.awards (id),
  recipient_name text not null,
  amount bigint not null check (amount > 0),
  entry_id uuid unique references funds.entries (id),
  primary key (list_id, line),
  unique (list_id, award_id)
);
