-- Running totals for the public figures (docs/adr/0188): what each fund's ledger lines add up to per year, and what
-- its awards add up to per programme and year, moved by triggers in the same transaction as the row that moves them.
-- The public totals of a subtree sum these rows over the subtree's funds instead of every line and award.

create table if not exists funds.year_totals (
  fund_id uuid not null references funds.funds (id),
  year int not null,
  received bigint not null default 0,
  received_in_kind bigint not null default 0,
  disbursed bigint not null default 0,
  held bigint not null default 0,
  held_in_kind bigint not null default 0,
  primary key (fund_id, year)
);

create table if not exists funds.programme_totals (
  fund_id uuid not null references funds.funds (id),
  programme_id uuid not null references funds.programmes (id),
  year int not null,
  awarded bigint not null default 0,
  disbursed bigint not null default 0,
  awards int not null default 0,
  primary key (fund_id, programme_id, year)
);

-- A line moves its fund's year: the signed sums the totals query took of the lines (received, in kind, paid, held).
create or replace function funds.add_line_to_totals() returns trigger language plpgsql as $$
begin
  insert into funds.year_totals as t (fund_id, year, received, received_in_kind, disbursed, held, held_in_kind)
  values (new.fund_id, extract(year from new.on_date)::int,
          case when new.credit = 'DONATIONS' then new.amount when new.debit = 'DONATIONS' then -new.amount else 0 end,
          case when new.credit = 'DONATIONS_IN_KIND' then new.amount when new.debit = 'DONATIONS_IN_KIND' then -new.amount else 0 end,
          case when new.debit = 'AWARDS_PAID' then new.amount when new.credit = 'AWARDS_PAID' then -new.amount else 0 end,
          case when new.debit = 'CASH' then new.amount when new.credit = 'CASH' then -new.amount else 0 end,
          case when new.debit = 'GOODS' then new.amount when new.credit = 'GOODS' then -new.amount else 0 end)
  on conflict (fund_id, year) do update set
    received = t.received + excluded.received, received_in_kind = t.received_in_kind + excluded.received_in_kind,
    disbursed = t.disbursed + excluded.disbursed, held = t.held + excluded.held, held_in_kind = t.held_in_kind + excluded.held_in_kind;
  return null;
end $$;
drop trigger if exists entries_totals on funds.entries;
create trigger entries_totals after insert on funds.entries for each row execute function funds.add_line_to_totals();

-- An award counts in its programme's year (of the decision); paid, it counts as disbursed. An update takes the old
-- row's share away and adds the new row's (a reversed payment leaves the award unpaid again).
create or replace function funds.add_award_to_totals(a funds.awards, sign int) returns void language sql as $$
  insert into funds.programme_totals as t (fund_id, programme_id, year, awarded, disbursed, awards)
  values (a.fund_id, a.programme_id, extract(year from a.decided_on)::int, sign * a.amount,
          case when a.status = 'DISBURSED' then sign * a.amount else 0 end, sign)
  on conflict (fund_id, programme_id, year) do update set
    awarded = t.awarded + excluded.awarded, disbursed = t.disbursed + excluded.disbursed, awards = t.awards + excluded.awards;
$$;

create or replace function funds.move_award_totals() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.fund_id = new.fund_id and old.programme_id = new.programme_id and old.decided_on = new.decided_on
       and old.amount = new.amount and old.status = new.status then
      return null;
    end if;
    perform funds.add_award_to_totals(old, -1);
  end if;
  perform funds.add_award_to_totals(new, 1);
  return null;
end $$;
drop trigger if exists awards_totals on funds.awards;
create trigger awards_totals after insert or update on funds.awards for each row execute function funds.move_award_totals();

-- What was there before the totals: counted once, when this script runs.
insert into funds.year_totals (fund_id, year, received, received_in_kind, disbursed, held, held_in_kind)
select e.fund_id, extract(year from e.on_date)::int,
       coalesce(sum(case when e.credit = 'DONATIONS' then e.amount when e.debit = 'DONATIONS' then -e.amount end), 0),
       coalesce(sum(case when e.credit = 'DONATIONS_IN_KIND' then e.amount when e.debit = 'DONATIONS_IN_KIND' then -e.amount end), 0),
       coalesce(sum(case when e.debit = 'AWARDS_PAID' then e.amount when e.credit = 'AWARDS_PAID' then -e.amount end), 0),
       coalesce(sum(case when e.debit = 'CASH' then e.amount when e.credit = 'CASH' then -e.amount end), 0),
       coalesce(sum(case when e.debit = 'GOODS' then e.amount when e.credit = 'GOODS' then -e.amount end), 0)
  from funds.entries e group by 1, 2
on conflict (fund_id, year) do nothing;
insert into funds.programme_totals (fund_id, programme_id, year, awarded, disbursed, awards)
select a.fund_id, a.programme_id, extract(year from a.decided_on)::int, sum(a.amount),
       coalesce(sum(a.amount) filter (where a.status = 'DISBURSED'), 0), count(*)::int
  from funds.awards a group by 1, 2, 3
on conflict (fund_id, programme_id, year) do nothing;
