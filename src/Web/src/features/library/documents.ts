import { graphql } from "../../gql";

// The open library: search with the format facet, one resource.
export const LibraryQuery = graphql(`
  query Library($search: String, $facets: ResourceFacetsInput, $first: Int) {
    resources(search: $search, facets: $facets, first: $first) {
      nodes { id title author format }
      facets { format { value count } }
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
      language
      format
      licence
      externalUrl
      subjects
      file { url name length contentType }
    }
  }
`);
