import { graphql } from "../../../gql/console";

// The console's Content screens (#21): a unit's news (its subtree's, newest first) to write, edit and withdraw with
// the version read (ADR 0074), and the library's review queue of a unit's subtree.
export const UnitNewsQuery = graphql(`
  query ConsoleUnitNews($unitId: ID!, $after: String) {
    news(unitId: $unitId, first: 20, after: $after) {
      nodes { id title body public publishedAt editedAt version unit { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PublishNewsMutation = graphql(`
  mutation ConsolePublishNews($input: PublishNewsInput!) {
    publishNews(input: $input) { id title version }
  }
`);

export const EditNewsMutation = graphql(`
  mutation ConsoleEditNews($input: EditNewsInput!) {
    editNews(input: $input) { id title version }
  }
`);

export const WithdrawNewsMutation = graphql(`
  mutation ConsoleWithdrawNews($input: WithdrawNewsInput!) {
    withdrawNews(input: $input) { id version }
  }
`);

export const ResourcesToReviewQuery = graphql(`
  query ConsoleResourcesToReview($unitId: ID!, $after: String) {
    resourcesToReview(unitId: $unitId, first: 20, after: $after) {
      nodes {
        id title description domain audience language format licence author source subjects educationalLevel
        resourceType externalUrl collections submittedAt version reviewUnit { id name } file { id name url } cover { id }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ApproveResourceMutation = graphql(`
  mutation ConsoleApproveResource($input: ApproveResourceInput!) {
    approveResource(input: $input) { id status }
  }
`);

export const RejectResourceMutation = graphql(`
  mutation ConsoleRejectResource($input: RejectResourceInput!) {
    rejectResource(input: $input) { id status rejectionReason }
  }
`);

export const WithdrawnNewsQuery = graphql(`
  query ConsoleWithdrawnNews($unitId: ID!, $after: String) {
    withdrawnNews(unitId: $unitId, first: 20, after: $after) {
      nodes { id title body version withdrawnAt unit { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const EditResourceMutation = graphql(`
  mutation ConsoleEditResource($input: EditResourceInput!) {
    editResource(input: $input) {
      id title description externalUrl version status domain audience language licence author source subjects educationalLevel
    }
  }
`);

export const PublishedResourcesQuery = graphql(`
  query ConsolePublishedResources($unitId: ID!, $search: String, $after: String) {
    publishedResources(unitId: $unitId, search: $search, first: 20, after: $after) {
      nodes {
        id title description domain audience language format licence author source subjects educationalLevel
        resourceType externalUrl collections submittedAt editedAt version reviewUnit { id name } file { id } cover { id }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const WithdrawResourceMutation = graphql(`
  mutation ConsoleWithdrawResource($input: WithdrawResourceInput!) {
    withdrawResource(input: $input) { id status version }
  }
`);
