-- A feed keeps the way its person signed in when they made it (docs/adr/0159): null for a member's own sign-in, else
-- the account or Entra ID link. The feed answers only while that way in still holds (deleted account, ended link,
-- member gone: 404). Feeds made before this column hold while their person is a member.
alter table classes.calendar_feeds add column if not exists access text;
