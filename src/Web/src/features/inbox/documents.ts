import { graphql } from "../../gql";

// The notifications inbox (issue #22, ADR 0122): the bell's count, the inbox a page at a time, marking as read.
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MyNotificationsQuery = graphql(`
  query MyNotifications($first: Int, $after: String) {
    myNotifications(first: $first, after: $after) {
      nodes { id kind title body link createdAt readAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { marked unreadCount }
  }
`);
