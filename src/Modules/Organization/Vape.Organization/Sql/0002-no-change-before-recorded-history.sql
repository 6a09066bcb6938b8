-- A structural change dated in the past may not precede what is already recorded below it (a member who
-- joined later, a child changed later): history is appended, never rewritten.
create or replace function organization.assert_no_later_history(root uuid, effective date) returns void
language plpgsql as $$
declare
    root_path ltree;
begin
    select path into root_path from organization.units where id = root;
    if exists (select 1 from organization.unit_periods p join organization.units u on u.id = p.unit_id
                where u.path <@ root_path and p.valid_from > effective)
       or exists (select 1 from organization.member_periods m join organization.units u on u.id = m.unit_id
                where u.path <@ root_path and m.valid_from > effective) then
        raise exception 'Ngày hiệu lực % trước một thay đổi đã ghi nhận trong đơn vị hoặc các đơn vị cấp dưới.', to_char(effective, 'DD/MM/YYYY')
            using errcode = 'VP400';
    end if;
end $$;
