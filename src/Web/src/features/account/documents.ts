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

// Asking a unit to take me in (self-registration, or to be recognised as a member it holds), and withdrawing it.
export const MyMembershipRequestQuery = graphql(`
  query MyMembershipRequest {
    myAccount { id person { id fullName } }
    myMembershipRequest { id status fullName birthYear requestedAt decidedAt reason unit { id name } }
  }
`);

export const FindUnitsQuery = graphql(`
  query FindUnits($text: String!) {
    searchUnits(text: $text, first: 10) { nodes { id name parent { name } } }
  }
`);

export const RequestMembershipMutation = graphql(`
  mutation RequestMembership($input: RequestMembershipInput!) {
    requestMembership(input: $input) { id status }
  }
`);

export const WithdrawMembershipRequestMutation = graphql(`
  mutation WithdrawMembershipRequest($input: WithdrawMembershipRequestInput!) {
    withdrawMembershipRequest(input: $input) { id status }
  }
`);

// The member's own phone and e-mail (ADR 0185): a change waits for the code sent to the new address.
export const MyContactQuery = graphql(`
  query MyContact {
    myContact { phone email pendingChange { kind sentTo expiresAt } }
  }
`);

export const RequestContactChangeMutation = graphql(`
  mutation RequestContactChange($input: RequestContactChangeInput!) {
    requestContactChange(input: $input) { kind sentTo expiresAt }
  }
`);

export const ConfirmContactChangeMutation = graphql(`
  mutation ConfirmContactChange($input: ConfirmContactChangeInput!) {
    confirmContactChange(input: $input) { phone email pendingChange { kind sentTo expiresAt } }
  }
`);

export const RemoveMyContactMutation = graphql(`
  mutation RemoveMyContact($input: RemoveMyContactInput!) {
    removeMyContact(input: $input) { phone email pendingChange { kind sentTo expiresAt } }
  }
`);

// After a recovery: the member the account is now linked to.
export const RecoveredMemberQuery = graphql(`
  query RecoveredMember {
    me { personId name }
  }
`);
