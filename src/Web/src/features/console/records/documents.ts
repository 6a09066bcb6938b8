import { graphql } from "../../../gql/console";

// The verification queue (#21 scenario 5): self-declared entries of my subtree, oldest first; each look is logged
// in the person's access log with the purpose (ADR 0073), so the purpose is asked before the queue opens.
export const EntriesToVerifyQuery = graphql(`
  query ConsoleEntriesToVerify($purpose: RecordPurpose!, $after: String) {
    entriesToVerify(purpose: $purpose, first: 20, after: $after) {
      nodes {
        personId personName unit { id name }
        entry { id kind title domain date hours provider issuer evidenceUrl evidenceFileId status }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const VerifyEntryMutation = graphql(`
  mutation ConsoleVerifyEntry($input: VerifyRecordEntryInput!) {
    verifyRecordEntry(input: $input) { entry { id status } }
  }
`);

export const RejectEntryMutation = graphql(`
  mutation ConsoleRejectEntry($input: RejectRecordEntryInput!) {
    rejectRecordEntry(input: $input) { entry { id status rejectionReason } }
  }
`);

// A person's record, read with a purpose (ADR 0022): the look is written to the person's access log before the read;
// `activities` and `credentials` are empty unless the person consented to DETAILS.
export const PersonRecordQuery = graphql(`
  query ConsolePersonRecord($personId: ID!, $purpose: RecordPurpose!) {
    record(personId: $personId, purpose: $purpose) {
      personId detailsShown erasedAt
      years { year hours activities credentials domains { domain hours activities } }
      activities(first: 20) { nodes { id title domain date hours status } }
      titles { id kind year }
    }
  }
`);

// The subtree's statistics of a year: no personal data, cells of fewer than 5 people hidden (null, `hidden`).
export const RecordStatisticsQuery = graphql(`
  query ConsoleRecordStatistics($unitId: ID!, $year: Int!) {
    recordStatistics(unitId: $unitId, year: $year) {
      unitId year
      total { people activities hours hidden }
      domains { domain people activities hours hidden }
    }
  }
`);

// Title proposals of the subtree (ADR 0102): a purpose is required; each person whose figures show is logged.
export const TitleProposalsQuery = graphql(`
  query ConsoleTitleProposals($unitId: ID!, $year: Int!, $purpose: RecordPurpose!, $after: String) {
    titleProposals(unitId: $unitId, year: $year, purpose: $purpose, first: 20, after: $after) {
      nodes { id kind year subjectName reason memberCount qualifiedCount hours domains status decisionReason }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ConfirmTitleMutation = graphql(`
  mutation ConsoleConfirmTitle($input: ConfirmTitleInput!) {
    confirmTitle(input: $input) { id status decisionReason }
  }
`);

export const RejectTitleMutation = graphql(`
  mutation ConsoleRejectTitle($input: RejectTitleInput!) {
    rejectTitle(input: $input) { id status decisionReason }
  }
`);
