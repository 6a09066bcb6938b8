import { graphql } from "../../gql";

// News: a unit's (and its subtree's, as far as I may see) or the public board, newest first.
export const NewsQuery = graphql(`
  query NewsList($unitId: ID, $first: Int, $after: String) {
    news(unitId: $unitId, first: $first, after: $after) {
      nodes { id title body publishedAt public unit { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
