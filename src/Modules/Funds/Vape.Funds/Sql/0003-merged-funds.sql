-- A merged unit's funds pass to its successor (docs/adr/0189): each fund of the merged unit gets one fund of the
-- successor that receives what it holds. The pair is kept so a repeated message moves nothing twice.
create table if not exists funds.fund_successors (
  fund_id uuid primary key references funds.funds (id),
  successor_fund_id uuid not null unique references funds.funds (id),
  moved_at timestamptz not null
);
