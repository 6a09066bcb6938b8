-- Files (uploaded through POST /files, checked on content there) that content refers to by id.
alter table content.directives add column if not exists document_file_ids uuid[] not null default '{}';
alter table content.directive_targets add column if not exists report_file_ids uuid[] not null default '{}';
alter table content.news add column if not exists image_file_ids uuid[] not null default '{}';
alter table content.resources add column if not exists file_id uuid;
alter table content.resources add column if not exists cover_file_id uuid;
alter table content.resources alter column external_url drop not null;
