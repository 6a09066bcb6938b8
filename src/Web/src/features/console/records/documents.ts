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
