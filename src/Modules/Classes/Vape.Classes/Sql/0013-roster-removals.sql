-- An official's removal of a learner from a class (issue #21, docs/adr/0287): the reason the learner reads on the
-- class's page, until they are enrolled again.
create table if not exists classes.removals (
    class_id uuid not null references classes.classes (id),
    person_id uuid not null,
    reason text not null,
    removed_by uuid not null,
    removed_at timestamptz not null,
    primary key (class_id, person_id)
);
