-- Class reminders (docs/adr/0208): each reminder a session has had, by its lead (minutes before the start) and the start
-- it was for. The sweep inserts here in the transaction that publishes the reminder, so two hosts sweeping at once
-- raise it once; a session moved to another start has rows of its own.

create table if not exists classes.session_reminders (
    session_id uuid not null,
    lead_minutes int not null,
    starts_at timestamptz not null,
    sent_at timestamptz not null,
    primary key (session_id, lead_minutes, starts_at)
);
create index if not exists session_reminders_starts on classes.session_reminders (starts_at);
