import { request as send } from "../../api/client";
import type { TypedDocumentString } from "../../gql/console/graphql";

/**
 * The app's `request` for the console's own typed documents (generated apart, in ./gql, to keep them out of the
 * learner's chunks): the same call, typed against the console's TypedDocumentString.
 */
export const request = send as unknown as <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
) => Promise<TResult>;
