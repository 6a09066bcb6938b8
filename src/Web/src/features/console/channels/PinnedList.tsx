import type { ChannelLog } from "../../../realtime/channel";
import { pinnedOf } from "../../../realtime/channelLive";
import { cht } from "./i18n";

/** "Đã ghim": the channel's pinned messages the screen holds, newest first, each a link to its place. */
export function PinnedList(props: { log: ChannelLog; names: Map<string, string>; channelId: string }) {
  const pinned = pinnedOf(props.log);
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
