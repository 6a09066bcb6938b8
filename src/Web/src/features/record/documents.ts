import { graphql } from "../../gql";

// My learning record, its access log, consent, declaring an activity, erasure.
export const MyRecordQuery = graphql(`
  query MyRecord {
    me { personId }
    myRecord {
      personId
      version
      consent
      erasedAt
      years { year hours activities credentials }
      activities(first: 20) { ...RecordActivities }
      titles { id kind year }
      rejectedTitles { proposalId kind year reason decidedAt }
    }
    myRecordAccessLog(first: 20) { nodes { id officialName unitName purpose shown at } }
  }
`);

// One page of activities (20): the first screen draws no more, whatever the record holds (issue #19's blocking time).
export const RecordActivitiesFragment = graphql(`
  fragment RecordActivities on RecordEntryConnection {
    nodes { id title date hours minutesWithMedia status provenance rejectionReason evidenceFileId }
    pageInfo { hasNextPage endCursor }
  }
`);

export const MoreActivitiesQuery = graphql(`
  query MoreActivities($after: String) {
    myRecord { activities(first: 20, after: $after) { ...RecordActivities } }
  }
`);

export const SetConsentMutation = graphql(`
  mutation SetConsent($input: SetRecordConsentInput!) {
    setRecordConsent(input: $input) { personId }
  }
`);

export const DeclareMutation = graphql(`
  mutation Declare($input: DeclareActivityInput!) {
    declareActivity(input: $input) { recordVersion entry { id status } }
  }
`);

export const EraseMutation = graphql(`
  mutation Erase($input: RequestRecordErasureInput!) {
    requestRecordErasure(input: $input) { erasedAt }
  }
`);

// Open Badges credentials made from the record (docs/adr/0191).
export const MyBadgesQuery = graphql(`
  query MyBadges {
    myBadges { id source sourceId name issuerName credential issuedAt revokedAt verifyUrl qrCodeSvg }
  }
`);

export const IssueBadgeMutation = graphql(`
  mutation IssueBadge($input: IssueBadgeInput!) {
    issueBadge(input: $input) { id }
  }
`);
