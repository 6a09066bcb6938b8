-- What each GraphQL client spent in a minute (ADR 0109), when Redis is not configured: every host adds to the
-- same row, so a client meets one budget. `window_start` is the minute (Unix seconds / 60). Old windows are
-- deleted by the next charge's host now and then (see CostBudget).
create table if not exists vape.graphql_cost (
    client text not null,
    window_start bigint not null,
    spent bigint not null,
    primary key (client, window_start)
);
