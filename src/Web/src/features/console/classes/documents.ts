import { graphql } from "../../../gql/console";

// The officials' classes screens (#21): a unit's classes, scheduling one, the roster with the waiting list, each
// session's attendance (minutes, completion, CSV) and a live session's relay rooms with their headcounts.
export const UnitClassesQuery = graphql(`
  query ConsoleUnitClasses($unitId: ID!, $after: String) {
    classes(filter: { unitId: $unitId, upcoming: false }, first: 20, after: $after) {
      nodes { id title topic status capacity enrolledCount waitingCount unit { id name } sessions { id startsAt status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ScheduleClassMutation = graphql(`
  mutation ConsoleScheduleClass($input: ScheduleClassInput!) {
    scheduleClass(input: $input) { id title }
  }
`);

export const ConsoleClassQuery = graphql(`
  query ConsoleClass($id: ID!) {
    class(id: $id) {
      id title description topic audience status capacity enrolledCount waitingCount completionPercent version
      unit { id name }
      hosts { personId role name }
      sessions { id number startsAt endsAt status relayOfSessionId }
    }
  }
`);

export const RosterQuery = graphql(`
  query ConsoleClassRoster($id: ID!, $status: EnrolmentStatus!, $after: String) {
    class(id: $id) {
      id
      enrolments(status: $status, first: 50, after: $after) {
        nodes { personId name status position since }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const ChangeCapacityMutation = graphql(`
  mutation ConsoleChangeCapacity($input: ChangeClassInput!) {
    changeClass(input: $input) { id capacity enrolledCount waitingCount version }
  }
`);

export const AttendanceQuery = graphql(`
  query ConsoleAttendance($sessionId: ID!) {
    attendance(sessionId: $sessionId) {
      sessionId ended openedAt endedAt completedCount csvUrl
      attendees { personId name minutesPresent completed }
    }
  }
`);

export const RelaysQuery = graphql(`
  query ConsoleRelays($sessionId: ID!) {
    classroomSnapshot(sessionId: $sessionId) { headcount totalHeadcount relays { relaySessionId name headcount } }
  }
`);

export const RescheduleSessionMutation = graphql(`
  mutation ConsoleRescheduleSession($input: RescheduleClassSessionInput!) {
    rescheduleClassSession(input: $input) { id number startsAt endsAt status }
  }
`);

export const CancelClassMutation = graphql(`
  mutation ConsoleCancelClass($input: CancelClassInput!) {
    cancelClass(input: $input) { id status }
  }
`);

export const ClassMemberSearchQuery = graphql(`
  query ConsoleClassMemberSearch($text: String!, $unitId: ID!) {
    searchPeople(text: $text, unitId: $unitId, first: 20) { nodes { id fullName birthYear homeUnit { id name } } }
  }
`);

export const EnrolLearnerMutation = graphql(`
  mutation ConsoleEnrolLearner($input: EnrolLearnerInput!) {
    enrolLearner(input: $input) { personId name status position }
  }
`);

export const RemoveLearnerMutation = graphql(`
  mutation ConsoleRemoveLearner($input: RemoveLearnerInput!) {
    removeLearner(input: $input) { id enrolledCount waitingCount }
  }
`);

export const AdmitWaitingLearnerMutation = graphql(`
  mutation ConsoleAdmitWaitingLearner($input: AdmitWaitingLearnerInput!) {
    admitWaitingLearner(input: $input) { id enrolledCount waitingCount }
  }
`);
