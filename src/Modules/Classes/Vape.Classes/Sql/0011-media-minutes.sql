-- Minutes with media connected, beside minutes in the room (issue #27, docs/adr/0229): a device's stretch with
-- picture and sound starts when its page reports media connected through the classroom hub and ends when it reports
-- it lost, or when the device leaves the room (its own leave, a disconnect, the lease sweep of a dead host, a removal,
-- the class's end). Closed stretches add up on the person's row; the class's end sums them into attendance.
alter table classes.connections add column if not exists media_since timestamptz;
alter table classes.participants add column if not exists media_seconds double precision not null default 0;
alter table classes.attendance add column if not exists media_seconds integer not null default 0;
