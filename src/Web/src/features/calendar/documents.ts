import { graphql } from "../../gql";

// The person's secret iCalendar feed of their classes (docs/adr/0158, 0159).
export const CalendarFeedQuery = graphql(`
  query CalendarFeed {
    calendarFeed { createdAt }
  }
`);

export const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed(input: { confirm: true }) { createdAt url }
  }
`);

export const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed(input: { confirm: true }) { revoked }
  }
`);
