-- The console's list of a unit's published resources (approved ones reviewed in its subtree, newest first), and
-- the reason an official gives when taking another person's resource out of the library (the submitter reads it).
alter table content.resources add column if not exists withdrawal_reason text;
create index if not exists resources_published on content.resources using gist (review_path) where status = 'Approved';
