import { graphql } from "../../gql";

// The public funds page: no sign-in (docs/funds.md, "The public funds page").
export const FundsUnitSearch = graphql(`
  query FundsUnitSearch($text: String!, $first: Int) {
    searchUnits(text: $text, first: $first) { nodes { id code name parent { name } } }
  }
`);

export const FundsOfUnit = graphql(`
  query FundsOfUnit($unitId: ID!) {
    unit(id: $unitId) { id code name status successor { id name } }
    fundsTotals(unitId: $unitId) {
      totals { received receivedInKind awarded disbursed held heldInKind }
      byYear { year totals { received receivedInKind awarded disbursed held heldInKind } }
    }
    funds(unitId: $unitId, first: 100) { nodes { id name purpose } pageInfo { hasNextPage } }
    unitLedger(unitId: $unitId) { headSeq }
  }
`);

export const FundsAwardsPage = graphql(`
  query FundsAwardsPage($unitId: ID!, $first: Int, $after: String) {
    fundsAwards(unitId: $unitId, first: $first, after: $after) {
      nodes { id programme amount decidedOn disbursed recipientName }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
