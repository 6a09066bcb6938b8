import { graphql } from "../../gql";

// The officials' console: my roles, a unit with its figures as of a date, its tree, members, history; renaming.
export const MyRolesQuery = graphql(`
  query MyRoles {
    me { personId roles { id role from to unit { id name code kind } } }
  }
`);

export const ConsoleUnitQuery = graphql(`
  query ConsoleUnit($id: ID!, $asOf: Date) {
    unit(id: $id) {
      id code name kind status version effectiveFrom effectiveTo formedFrom
      ancestors { id name }
      statistics(asOf: $asOf) { asOf members units unitsByKind { kind count } }
      history { from to name kind status parent { id name } }
    }
  }
`);

export const ChildUnitsQuery = graphql(`
  query ChildUnits($parentId: ID!, $after: String) {
    units(parentId: $parentId, first: 50, after: $after) {
      nodes { id code name kind }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ChildUnitsAsOfQuery = graphql(`
  query ChildUnitsAsOf($parentId: ID!, $date: Date!) {
    unit(id: $parentId) { id childrenAsOf(date: $date) { name kind status unit { id code } } }
  }
`);

export const SearchUnitsQuery = graphql(`
  query ConsoleSearchUnits($text: String!, $within: ID!) {
    searchUnits(text: $text, within: $within, first: 20) { nodes { id code name kind parent { name } } }
  }
`);

export const UnitMembersQuery = graphql(`
  query UnitMembers($id: ID!, $after: String) {
    unit(id: $id) {
      id
      members(first: 20, after: $after) {
        nodes { id fullName birthYear joinedOn }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const SearchMembersQuery = graphql(`
  query ConsoleSearchMembers($text: String!, $unitId: ID!) {
    searchPeople(text: $text, unitId: $unitId, first: 20) { nodes { id fullName birthYear joinedOn homeUnit { name } } }
  }
`);

export const RenameUnitMutation = graphql(`
  mutation ConsoleRenameUnit($input: RenameUnitInput!) {
    renameUnit(input: $input) { id name version }
  }
`);
