-- `records.open_record` sums the minutes already learned on the written day. With only `entries_person (person_id,
-- year)` it read every entry of the person's year from the heap to find that day's; this index finds the day's rows
-- alone (RecordsAppendSplit: open_record was half of the server's time of an append; docs/records.md).
create index if not exists entries_person_day on records.entries (person_id, on_date) where kind = 'Activity' and status <> 'Rejected';
