-- Created classes.post_lines (docs/adr/0061); 0007 replaced it when the classroom's streams became the module's own
-- (docs/adr/0062), so a new database has only the function of 0007.
select 1;
