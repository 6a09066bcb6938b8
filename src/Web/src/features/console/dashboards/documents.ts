import { graphql } from "../../../gql/console";

// The dashboards (#21): figures the API aggregates in SQL (a subtree's statistics as of a date; the directives issued
// in it by level; its classes' attendance by month; the learning statistics of a year with cells under 5 people
// hidden), drawn as charts with their tables.
// The six month ends of the members chart in one request (a trace of the dashboards showed each request's `fetch` and
// answer as work on the page's main thread; six of them in one effect).
export const SubtreeFiguresQuery = graphql(`
  query ConsoleSubtreeFigures($id: ID!, $d0: Date, $d1: Date, $d2: Date, $d3: Date, $d4: Date, $d5: Date) {
    unit(id: $id) {
      id
      m0: statistics(asOf: $d0) { ...MonthFigures }
      m1: statistics(asOf: $d1) { ...MonthFigures }
      m2: statistics(asOf: $d2) { ...MonthFigures }
      m3: statistics(asOf: $d3) { ...MonthFigures }
      m4: statistics(asOf: $d4) { ...MonthFigures }
      m5: statistics(asOf: $d5) { ...MonthFigures }
    }
  }
`);

export const MonthFigures = graphql(`
  fragment MonthFigures on UnitStatistics { asOf members units unitsByKind { kind count } }
`);

export const DashboardUnitQuery = graphql(`
  query ConsoleDashboardUnit($id: ID!) {
    unit(id: $id) { id name }
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
