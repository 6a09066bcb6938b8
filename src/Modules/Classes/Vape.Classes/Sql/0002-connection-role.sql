-- Databases created before 0001 held the role of a connection (development only); a no-op elsewhere.
alter table classes.connections add column if not exists role text not null default 'LEARNER';
