import type { ChannelLog, ChannelMessage } from "../../../realtime/channel";
import { pinnedOf } from "../../../realtime/channelLive";
import { cht } from "./i18n";

type Pinned = Pick<ChannelMessage, "id" | "authorId" | "body" | "threadRootId" | "postedAt" | "pinned" | "deleted">;

/**
 * "Đã ghim": every pinned message of the channel, newest first, each a link to its place. The server's list
 * (`channel.pinnedMessages`, read with the channel) is moved on by the hub's events for the messages the screen holds:
 * a pin or unpin the log has seen wins over what was read.
 */
export function PinnedList(props: { log: ChannelLog; server: Pinned[]; names: Map<string, string>; channelId: string }) {
  const byId = new Map<string, Pinned>();
  for (const m of props.server) byId.set(m.id, props.log.byId[m.id] ?? m);
  for (const m of pinnedOf(props.log)) byId.set(m.id, m);
  const pinned = [...byId.values()].filter((m) => m.pinned && !m.deleted).sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  if (pinned.length === 0) return null;
  return (
    <details class="pinned" data-testid="pinned">
      <summary>{cht("ch.pinnedList", { count: pinned.length })}</summary>
      <ul class="list">
        {pinned.map((m) => (
          <li key={m.id}>
            <strong>{props.names.get(m.authorId) ?? cht("ch.someone")}:</strong>{" "}
            <a href={`/console/channels/${props.channelId}?thread=${m.threadRootId ?? m.id}`}>{m.body}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}
