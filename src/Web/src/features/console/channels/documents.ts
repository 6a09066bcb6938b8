import { graphql } from "../../../gql/console";

// Coordination channels (docs/coordination.md): my channels with their badges, one channel with its latest messages
// and members, a thread, and who has acknowledged an important message.
export const ChannelMessageFields = graphql(`
  fragment ChannelMessageFields on Message {
    id channelId authorId threadRootId body priority mentions mentionsChannel reactions { emoji count personIds } pinned
    replyCount acknowledgedCount edited deleted postedAt version
    attachments { fileId name contentType length }
  }
`);

export const MyChannelsQuery = graphql(`
  query MyChannels($after: String) {
    channels(first: 100, after: $after) {
      nodes { id kind name version myRole archived successorChannelId unread { count mentions } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ChannelQuery = graphql(`
  query ConsoleChannel($id: ID!, $before: String) {
    channel(id: $id) {
      id kind name version myRole archived archivedAt successorChannelId
      members { personId name role lastReadVersion }
      pinnedMessages { ...ChannelMessageFields }
      messages(first: 30, before: $before) {
        nodes { ...ChannelMessageFields }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`);

export const ThreadQuery = graphql(`
  query ConsoleThread($messageId: ID!) {
    thread(messageId: $messageId) {
      root { ...ChannelMessageFields }
      replies(first: 100) {
        nodes { ...ChannelMessageFields }
      }
    }
  }
`);

export const AcknowledgementsQuery = graphql(`
  query ConsoleAcknowledgements($messageId: ID!) {
    thread(messageId: $messageId) {
      root { id acknowledgedCount acknowledgements { personId name at } unacknowledged }
    }
  }
`);

export const ChannelSearchQuery = graphql(`
  query ChannelSearch($text: String!, $channelId: ID!) {
    searchMessages(text: $text, channelId: $channelId, first: 20) {
      nodes { id authorId threadRootId body postedAt }
    }
  }
`);
