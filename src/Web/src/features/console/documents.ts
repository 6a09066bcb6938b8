import { graphql } from "../../gql/console";

// The officials' console (my roles: rolesQuery.ts): a unit with its figures as of a date, its tree, members, history; renaming.
export const ConsoleUnitQuery = graphql(`
  query ConsoleUnit($id: ID!, $asOf: Date, $past: Boolean! = false) {
    unit(id: $id) {
      id code name kind status version effectiveFrom effectiveTo formedFrom successor { id name }
      ancestors { id name }
      ancestorsAsOf(date: $asOf) @include(if: $past) { name unit { id } }
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
  query ChildUnitsAsOf($parentId: ID!, $date: Date!, $after: String) {
    unit(id: $parentId) {
      id
      childrenAsOf(date: $date, first: 50, after: $after) {
        nodes { name kind status unit { id code } }
        pageInfo { hasNextPage endCursor }
      }
    }
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
        nodes { id fullName birthYear gender householdId version joinedOn homeUnit { id name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const SearchMembersQuery = graphql(`
  query ConsoleSearchMembers($text: String!, $unitId: ID!) {
    searchPeople(text: $text, unitId: $unitId, first: 20) { nodes { id fullName birthYear gender householdId version joinedOn homeUnit { id name } } }
  }
`);

export const RenameUnitMutation = graphql(`
  mutation ConsoleRenameUnit($input: RenameUnitInput!) {
    renameUnit(input: $input) { id name version }
  }
`);

// Directives: my inbox, acknowledging and reporting, issuing, the roll-up with its overdue drill-down.
export const MyDirectivesQuery = graphql(`
  query ConsoleMyDirectives {
    myDirectives(first: 50) {
      nodes {
        status overdue version receivedAt readAt implementedAt report
        unit { id name }
        directive { id number title summary acknowledgeBy reportBy issuer { id name } documents { id name length url } }
      }
    }
  }
`);

export const IssuedDirectivesQuery = graphql(`
  query ConsoleIssuedDirectives($unitId: ID!) {
    issuedDirectives(unitId: $unitId, first: 20) { nodes { id number title issuedOn acknowledgeBy targetCount } }
  }
`);

export const AcknowledgeDirectiveMutation = graphql(`
  mutation ConsoleAcknowledgeDirective($input: AcknowledgeDirectiveInput!) {
    acknowledgeDirective(input: $input) { status version }
  }
`);

export const ReportDirectiveMutation = graphql(`
  mutation ConsoleReportDirective($input: ReportDirectiveInput!) {
    reportDirective(input: $input) { status version }
  }
`);

export const IssueDirectiveMutation = graphql(`
  mutation ConsoleIssueDirective($input: IssueDirectiveInput!) {
    issueDirective(input: $input) { id targetCount }
  }
`);

export const DirectiveRollupQuery = graphql(`
  query ConsoleDirectiveRollup($id: ID!, $root: ID) {
    directive(id: $id) {
      id number title summary issuedOn acknowledgeBy reportBy targetCount
      issuer { id name }
      documents { id name length url }
      rollup(unitId: $root) {
        unit { id name ancestors { id name } }
        total { units received read implemented overdue }
        levels { level counts { units received read implemented overdue } }
        subtrees { unit { id name kind } counts { units received read implemented overdue } }
      }
      units(status: OVERDUE, unitId: $root, first: 50) { ...OverdueUnitsPage }
      reports: units(status: IMPLEMENTED, unitId: $root, first: 20) {
        nodes { implementedAt report unit { id name } reportFiles { id name length url } }
      }
    }
  }
`);

// The overdue drill-down, 50 units a page (OverdueUnits.tsx): the roll-up reads the first, "Xem thêm" the next.
export const OverdueUnitsPage = graphql(`
  fragment OverdueUnitsPage on DirectiveUnitConnection {
    nodes {
      status
      escalation { escalatedAt escalatedTo { id name } }
      unit { id name kind officials(first: 5) { nodes { id role person { fullName } } } }
    }
    pageInfo { hasNextPage endCursor }
  }
`);

export const DirectiveOverdueQuery = graphql(`
  query ConsoleDirectiveOverdue($id: ID!, $root: ID, $after: String) {
    directive(id: $id) { id units(status: OVERDUE, unitId: $root, first: 50, after: $after) { ...OverdueUnitsPage } }
  }
`);

// Guidance for a subtree (Guidance.tsx): what the units above a unit (and the unit itself) attached, top down.
export const DirectiveGuidanceQuery = graphql(`
  query ConsoleDirectiveGuidance($id: ID!, $unitId: ID!) {
    directive(id: $id) { id guidance(unitId: $unitId) { id text createdAt unit { id name } } }
  }
`);

export const AttachGuidanceMutation = graphql(`
  mutation ConsoleAttachGuidance($input: AttachDirectiveGuidanceInput!) {
    attachDirectiveGuidance(input: $input) { id }
  }
`);

export const ImportUnitsMutation = graphql(`
  mutation ConsoleImportUnits($input: ImportUnitsInput!) {
    importUnits(input: $input) { ok imported problems { line message } }
  }
`);

export const ImportMembersMutation = graphql(`
  mutation ConsoleImportMembers($input: ImportMembersInput!) {
    importMembers(input: $input) { ok imported problems { line message } }
  }
`);

// The organisation's changes on a unit's page (UnitChanges.tsx).
export const CreateUnitMutation = graphql(`
  mutation ConsoleCreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) { id name }
  }
`);

export const MoveUnitMutation = graphql(`
  mutation ConsoleMoveUnit($input: MoveUnitInput!) {
    moveUnit(input: $input) { id version }
  }
`);

export const MergeUnitMutation = graphql(`
  mutation ConsoleMergeUnit($input: MergeUnitInput!) {
    mergeUnit(input: $input) { id version }
  }
`);

export const DissolveUnitMutation = graphql(`
  mutation ConsoleDissolveUnit($input: DissolveUnitInput!) {
    dissolveUnit(input: $input) { id version }
  }
`);

// A unit's officials and members by hand (Officials.tsx).
export const UnitOfficialsQuery = graphql(`
  query ConsoleUnitOfficials($id: ID!) {
    unit(id: $id) {
      id
      officials(first: 100) { nodes { id role from to person { id fullName } } }
    }
  }
`);

export const AssignRoleMutation = graphql(`
  mutation ConsoleAssignRole($input: AssignRoleInput!) {
    assignRole(input: $input) { id }
  }
`);

export const EndRoleMutation = graphql(`
  mutation ConsoleEndRole($input: EndRoleInput!) {
    endRole(input: $input) { id to }
  }
`);

export const AddMemberMutation = graphql(`
  mutation ConsoleAddMember($input: AddMemberInput!) {
    addMember(input: $input) { id fullName }
  }
`);

// A member's details corrected with the version read (EditMember.tsx); `member` reads them again after a conflict.
export const MemberQuery = graphql(`
  query ConsoleMember($id: ID!) {
    member(id: $id) { id fullName birthYear gender householdId version joinedOn homeUnit { id name } }
  }
`);

export const UpdateMemberMutation = graphql(`
  mutation ConsoleUpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) { id fullName birthYear gender householdId version joinedOn homeUnit { id name } }
  }
`);

// Requests to join a unit (issue #22): the waiting ones, 20 a page; approving as a new member, or refusing with a reason.
export const MembershipRequestsQuery = graphql(`
  query ConsoleMembershipRequests($unitId: ID!, $after: String) {
    membershipRequests(unitId: $unitId, first: 20, after: $after) {
      nodes { id fullName birthYear requestedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const DecideMembershipRequestMutation = graphql(`
  mutation ConsoleDecideMembershipRequest($input: DecideMembershipRequestInput!) {
    decideMembershipRequest(input: $input) { id status fullName }
  }
`);
