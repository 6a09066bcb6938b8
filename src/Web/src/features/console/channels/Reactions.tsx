import { reactionsShown } from "../../../realtime/channelLive";
import type { ChannelMessage } from "../../../realtime/channel";
import { cht } from "./i18n";

/**
 * A message's reactions: the few fixed emoji with their counts, mine pressed; a tap adds mine or takes it back.
 * Readers react too (the hub allows it); an archived channel shows the counts only.
 */
export function Reactions(props: { m: ChannelMessage; me: string; react?: (emoji: string, add: boolean) => void }) {
  const shown = reactionsShown(props.m, props.me);
  if (!props.react && shown.every((r) => r.count === 0)) return null;
  return (
    <ul class="reactions" aria-label={cht("ch.reactions")} data-testid="reactions">
      {shown.map((r) =>
        props.react ? (
          <li key={r.emoji}>
            <button
              type="button"
              class={"reaction" + (r.mine ? " mine" : "")}
              aria-pressed={r.mine}
              aria-label={cht("ch.reactWith", { emoji: r.emoji, count: r.count })}
              onClick={() => props.react!(r.emoji, !r.mine)}
            >
              {r.emoji} {r.count > 0 && <span data-testid="reaction-count">{r.count}</span>}
            </button>
          </li>
        ) : (
          r.count > 0 && (
            <li key={r.emoji} class="reaction">
              {r.emoji} {r.count}
            </li>
          )
        ),
      )}
    </ul>
  );
}
