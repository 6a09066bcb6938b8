import { graphql } from "../../gql";

// The open library: search with the format, subject area and audience facets, one resource.
export const LibraryQuery = graphql(`
  query Library($search: String, $facets: ResourceFacetsInput, $first: Int) {
    resources(search: $search, facets: $facets, first: $first) {
      nodes { id title author format audience language }
      facets { format { value count } domain { value count } audience { value count } }
    }
  }
`);

export const ResourceQuery = graphql(`
  query Resource($id: ID!) {
    resource(id: $id) {
      id
      title
      description
      author
      source
      domain
      audience
      educationalLevel
      language
      format
      licence
      externalUrl
      subjects
      file { url name length contentType }
      status
      rejectionReason
      withdrawalReason
    }
  }
`);

// What I submitted, in every state, newest first (`myResources`, the signed-in person's own only).
export const MyResourcesQuery = graphql(`
  query MyResources($first: Int, $after: String) {
    myResources(first: $first, after: $after) {
      nodes { id title format status rejectionReason withdrawalReason submittedAt reviewUnit { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
