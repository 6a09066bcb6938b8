-- A line of a ceremony list whose award moved to a successor's fund when the unit merged (docs/adr/0217): the list
-- keeps its signed content and hash, but the line is no longer on it (not read, not payable through it).
alter table funds.ceremony_lines add column if not exists moved_to_fund_id uuid references funds.funds (id);
