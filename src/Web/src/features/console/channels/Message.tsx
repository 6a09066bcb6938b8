import { useState } from "preact/hooks";
import { formatDateTime } from "../../../app/i18n";
import { mentionsMe, type ChannelMessage } from "../../../realtime/channel";
import { cht, type ChannelKey } from "./i18n";
import { AttachmentList } from "./AttachmentList";
import { MessageActions, type MessageRights } from "./MessageActions";
import { MessageEditor } from "./MessageEditor";
import { Reactions } from "./Reactions";

export interface Acks {
  id: string;
  acknowledgedCount: number;
  acknowledgements?: { personId: string; name?: string | null }[] | null;
  unacknowledged?: string[] | null;
}

/** What may be done to a message from this screen (each absent when the hub would refuse it). */
export interface MessageDoings {
  rights: MessageRights;
  react?: (emoji: string, add: boolean) => void;
  edit: (body: string) => Promise<unknown>;
  remove: () => Promise<unknown>;
  pin: (pinned: boolean) => Promise<unknown>;
}

export const needsAck = (m: ChannelMessage) => !m.deleted && (m.priority === "IMPORTANT" || m.priority === "URGENT");

/** One message: its marks, text (or the editor), reactions, its actions, acknowledgements, "Đã xem" and the thread link. */
export function Message(props: {
  m: ChannelMessage;
  me: string;
  author: string;
  acks?: Acks;
  names: Map<string, string>;
  inThread: boolean;
  channelId: string;
  acknowledge?: () => void;
  doings: MessageDoings;
  readBy?: number;
}) {
  const { m, me, acks, doings } = props;
  const [editing, setEditing] = useState(false);
  const mine = m.authorId === me;
  const pending = acks?.unacknowledged ?? [];
  return (
    <li class={"message" + (mentionsMe(m, me) && !mine ? " mentioned" : "")} data-testid="message">
      <p class="meta">
        <strong>{props.author}</strong> <span class="muted">{formatDateTime(m.postedAt)}</span>
        {m.priority !== "NORMAL" && <span class={"tag priority " + m.priority.toLowerCase()}>{cht(("ch.priority." + m.priority) as ChannelKey)}</span>}
        {m.pinned && <span class="tag" data-testid="pinned-mark">{cht("ch.pinned")}</span>}
        {mentionsMe(m, me) && !mine && <span class="tag">{cht("ch.mentionsYou")}</span>}
      </p>
      {m.deleted ? (
        <p class="muted" data-testid="deleted">{cht("ch.deleted")}</p>
      ) : editing && doings.rights.edit ? (
        <MessageEditor m={m} save={doings.edit} close={() => setEditing(false)} />
      ) : (
        <p class="body" data-testid="body">
          {m.body}
          {m.edited && <span class="muted"> {cht("ch.edited")}</span>}
        </p>
      )}
      {!m.deleted && <AttachmentList m={m} />}
      {!m.deleted && <Reactions m={m} me={me} react={doings.react} />}
      {!editing && <MessageActions m={m} rights={doings.rights} startEdit={() => setEditing(true)} remove={doings.remove} pin={doings.pin} />}
      {mine && !m.deleted && props.readBy !== undefined && (
        <p class="muted" data-testid="read-by">{cht("ch.readBy", { count: props.readBy })}</p>
      )}
      {needsAck(m) && acks && (
        <div class="acks" data-testid="acks">
          <p>{cht("ch.acked", { count: acks.acknowledgedCount, total: acks.acknowledgedCount + pending.length })}</p>
          {pending.length === 0 ? (
            <p class="muted">{cht("ch.allAcked")}</p>
          ) : (
            <>
              <p>{cht("ch.unacked")}:</p>
              <ul class="list" data-testid="unacknowledged">
                {pending.map((p) => (
                  <li key={p}>{props.names.get(p) ?? cht("ch.someone")}</li>
                ))}
              </ul>
            </>
          )}
          {pending.includes(me) && props.acknowledge && (
            <button type="button" onClick={props.acknowledge}>
              {cht("ch.ack")}
            </button>
          )}
          {acks.acknowledgements?.some((a) => a.personId === me) && <p class="muted">{cht("ch.youAcked")}</p>}
        </div>
      )}
      {!props.inThread && !m.deleted && (
        <p>
          <a href={`/console/channels/${props.channelId}?thread=${m.id}`}>
            {m.replyCount > 0 ? cht("ch.replies", { count: m.replyCount }) : cht("ch.reply")}
          </a>
        </p>
      )}
    </li>
  );
}
