-- "A structural change may not precede what is already recorded below it" is decided in C# now
-- (TreeRules.NoLaterHistory, over UnitWrites.LatestRecordedAsync; docs/adr/0164): the function of 0002 is no longer called.
drop function if exists organization.assert_no_later_history(uuid, date);
