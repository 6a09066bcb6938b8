import { useState } from "preact/hooks";
import type { ChannelMessage } from "../../../realtime/channel";
import { cht } from "./i18n";
import { Refusal } from "./Refusal";

export interface MessageRights {
  /** Only the author edits (the hub's rule; no time limit). */
  edit: boolean;
  /** The author, or a moderator of the channel. */
  delete: boolean;
  /** Anyone who may post in the channel. */
  pin: boolean;
}

/** The hub's rules as the screen offers them: who sees which button (the hub refuses anyone else anyway). */
export function rightsOn(m: ChannelMessage, me: string, channel: { myRole: string; archived: boolean }): MessageRights {
  const open = !channel.archived && !m.deleted;
  const writer = open && channel.myRole !== "READER";
  return { edit: writer && m.authorId === me, delete: open && (m.authorId === me || channel.myRole === "MODERATOR"), pin: writer };
}

/**
 * Edit, delete (asked once more, in place) and pin/unpin of one message; a refusal shows the hub's sentence.
 */
export function MessageActions(props: {
  m: ChannelMessage;
  rights: MessageRights;
  startEdit: () => void;
  remove: () => Promise<unknown>;
  pin: (pinned: boolean) => Promise<unknown>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const { rights, m } = props;
  if (!rights.edit && !rights.delete && !rights.pin) return null;
  const run = (action: () => Promise<unknown>) => {
    setError(undefined);
    action().catch(setError);
  };
  return (
    <div class="message-actions">
      {confirming ? (
        <p class="row" role="group" aria-label={cht("ch.deleteAsk")}>
          <span>{cht("ch.deleteAsk")}</span>
          <button type="button" onClick={() => (setConfirming(false), run(props.remove))}>
            {cht("ch.deleteYes")}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {cht("ch.cancel")}
          </button>
        </p>
      ) : (
        <p class="row">
          {rights.edit && (
            <button type="button" class="link" onClick={props.startEdit}>
              {cht("ch.edit")}
            </button>
          )}
          {rights.delete && (
            <button type="button" class="link" onClick={() => setConfirming(true)}>
              {cht("ch.delete")}
            </button>
          )}
          {rights.pin && (
            <button type="button" class="link" onClick={() => run(() => props.pin(!m.pinned))}>
              {cht(m.pinned ? "ch.unpin" : "ch.pin")}
            </button>
          )}
        </p>
      )}
      {error !== undefined && <Refusal error={error} />}
    </div>
  );
}
