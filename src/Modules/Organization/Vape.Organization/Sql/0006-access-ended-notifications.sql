-- A person who leaves, an account link that ends, an account deleted: every host is told at the commit
-- (LISTEN vape_access_ended; the payload is the person id), and closes that person's hub connections whose
-- token no longer names them (ADR 0106). A trigger, so that every path (a mutation, the tree's own SQL) tells.
create or replace function organization.notify_access_ended() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'people' then
        if tg_op = 'DELETE'
           or (old.left_on is null and new.left_on is not null)
           or (old.external_id is not null and new.external_id is distinct from old.external_id) then
            perform pg_notify('vape_access_ended', old.id::text);
        end if;
    elsif old.person_id is not null and (tg_op = 'DELETE' or new.person_id is distinct from old.person_id) then
        perform pg_notify('vape_access_ended', old.person_id::text);
    end if;
    return null;
end $$;

drop trigger if exists people_access_ended on organization.people;
create trigger people_access_ended after update of left_on, external_id or delete on organization.people
    for each row execute function organization.notify_access_ended();

drop trigger if exists accounts_access_ended on organization.accounts;
create trigger accounts_access_ended after update of person_id or delete on organization.accounts
    for each row execute function organization.notify_access_ended();
