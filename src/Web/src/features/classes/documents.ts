import { graphql } from "../../gql";

// The class catalogue, a class, enrolment. Fields chosen from the parts of the schema least likely to move.
export const ClassCardFields = graphql(`
  fragment ClassCardFields on Class {
    id
    title
    topic
    capacity
    enrolledCount
    waitingCount
    mediaUrl
    status
    unit { id name }
    sessions { id number startsAt endsAt status }
    enrolment { status position }
  }
`);

export const CatalogueQuery = graphql(`
  query Catalogue($filter: ClassFilterInput, $first: Int, $after: String) {
    classes(filter: $filter, first: $first, after: $after) {
      nodes { ...ClassCardFields }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ClassQuery = graphql(`
  query ClassPage($id: ID!) {
    class(id: $id) {
      ...ClassCardFields
      description
      audience
      lobby
      version
      hosts { personId role name }
      materials { title url resourceId format }
      recordings { sessionId number kind resourceId url seconds }
      removal { reason }
    }
  }
`);

export const EnrolMutation = graphql(`
  mutation Enrol($input: EnrolInClassInput!) {
    enrolInClass(input: $input) { classId status position since }
  }
`);

export const LeaveMutation = graphql(`
  mutation LeaveClass($input: LeaveClassInput!) {
    leaveClass(input: $input) { id enrolledCount waitingCount enrolment { status position } }
  }
`);

export const RecordingResourceQuery = graphql(`
  query RecordingResource($id: ID!) {
    resource(id: $id) { id status }
  }
`);
