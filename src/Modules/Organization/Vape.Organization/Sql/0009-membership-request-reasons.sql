-- A refusal says why (the citizen reads it); a citizen may withdraw their open request (outcome 'Withdrawn').
alter table organization.membership_requests add column if not exists reason text;
