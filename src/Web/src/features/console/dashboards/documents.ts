import { graphql } from "../../../gql/console";

// The dashboards (#21): figures the API already aggregates in SQL (a subtree's statistics as of a date; the
// learning statistics of a year with cells under 5 people hidden), drawn as charts with their tables.
export const SubtreeFiguresQuery = graphql(`
  query ConsoleSubtreeFigures($id: ID!, $asOf: Date) {
    unit(id: $id) { id statistics(asOf: $asOf) { asOf members units unitsByKind { kind count } } }
  }
`);

export const DashboardChildrenQuery = graphql(`
  query ConsoleDashboardChildren($parentId: ID!) {
    units(parentId: $parentId, first: 100) { nodes { id name } }
  }
`);

export const HoursByDomainQuery = graphql(`
  query ConsoleHoursByDomain($unitId: ID!, $year: Int!) {
    recordStatistics(unitId: $unitId, year: $year) { total { hours people hidden } domains { domain hours people hidden } }
  }
`);
