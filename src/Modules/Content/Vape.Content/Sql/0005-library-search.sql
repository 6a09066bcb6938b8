-- Library search at 100,000 resources (docs/adr/0032): the ranking reads stored columns instead of lowering and
-- folding every matching row's text per request, and the facet counts come from one grouped scan (an index-only
-- scan when there is no text).
alter table content.resources add column if not exists exact_text text generated always as (lower(title || ' ' || description)) stored;
alter table content.resources add column if not exists title_fold text generated always as (vape.fold(title)) stored;
create index if not exists resources_facets on content.resources (domain, format, licence, audience) where status = 'Approved';
