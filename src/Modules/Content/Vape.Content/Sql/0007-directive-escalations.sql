-- Each escalation the server made (ADR 0296): an overdue unit reported to its parent's officials when a deadline
-- passed. One row per directive, unit and deadline however many hosts or retries run the message (the primary key);
-- the roll-up's overdue list reads it instead of deriving "reported" from the overdue state.
create table if not exists content.directive_escalations (
    directive_id uuid not null references content.directives (id),
    unit_id uuid not null,
    deadline text not null,
    parent_id uuid not null,
    escalated_at timestamptz not null,
    primary key (directive_id, unit_id, deadline)
);
