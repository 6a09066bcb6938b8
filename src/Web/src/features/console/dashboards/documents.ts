import { graphql } from "../../../gql/console";

// The dashboards (#21): figures the API aggregates in SQL (a subtree's statistics as of a date; the directives issued
// in it by level; its classes' attendance by month; the learning statistics of a year with cells under 5 people
// hidden), drawn as charts with their tables.
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

export const DirectiveCompletionQuery = graphql(`
  query ConsoleDirectiveCompletion($unitId: ID!, $asOf: Date) {
    directiveCompletion(unitId: $unitId, asOf: $asOf) {
      directives
      total { units received read implemented overdue }
      levels { level counts { units received read implemented overdue } }
    }
  }
`);

export const AttendanceByMonthQuery = graphql(`
  query ConsoleAttendanceByMonth($unitId: ID!, $asOf: Date) {
    classAttendanceByMonth(unitId: $unitId, asOf: $asOf) { months { month sessions attendances people minutes hidden } }
  }
`);
