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
      activities(first: 100) { nodes { id title date hours status provenance rejectionReason evidenceFileId } }
      titles { id kind year }
    }
    myRecordAccessLog(first: 20) { nodes { id officialName unitName purpose shown at } }
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
