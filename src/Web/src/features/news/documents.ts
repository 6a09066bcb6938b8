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

// One item by its id, as far as I may see it (null otherwise), with its images.
export const NewsItemQuery = graphql(`
  query NewsItem($id: ID!) {
    newsItem(id: $id) {
      id title body publishedAt public unit { id name }
      images { id url }
    }
  }
`);
