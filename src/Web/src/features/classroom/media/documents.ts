import { graphql } from "../../../gql";

// The live class's voice and picture (ADR 0140, 0141): a token of my own for the class's Janus room, and a host
// ending a learner's turn to speak.
export const JoinClassMediaMutation = graphql(`
  mutation JoinClassMedia($i: JoinClassMediaInput!) {
    joinClassMedia(input: $i) { url room pin token publisher feed screenFeed recording publishersPollSeconds picture }
  }
`);

export const EndSpeakingMutation = graphql(`
  mutation EndClassMediaSpeaking($i: EndClassMediaSpeakingInput!) {
    endClassMediaSpeaking(input: $i) { personId speaking }
  }
`);
