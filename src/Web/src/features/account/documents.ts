import { graphql } from "../../gql";

// A citizen's account: is it a member yet, claiming the member record with the unit's code.
export const MyAccountQuery = graphql(`
  query MyAccount {
    myAccount { id claimsLockedUntil person { id fullName } }
  }
`);

export const ClaimMembershipMutation = graphql(`
  mutation ClaimMembership($input: ClaimMembershipInput!) {
    claimMembership(input: $input) { id claimsLockedUntil person { id fullName } }
  }
`);
