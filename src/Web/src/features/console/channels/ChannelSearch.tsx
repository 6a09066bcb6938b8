import { useState } from "preact/hooks";
import { formatDateTime } from "../../../app/i18n";
import { request } from "../api";
import { ChannelSearchQuery } from "./documents";
import { cht } from "./i18n";
import { Refusal } from "./Refusal";

type Found = Awaited<ReturnType<typeof search>>;
const search = async (text: string, channelId: string) => (await request(ChannelSearchQuery, { text, channelId })).searchMessages.nodes;

/** Search in this channel, folded on the server ("hop" finds "họp"); each hit opens its thread. */
export function ChannelSearch(props: { channelId: string; names: Map<string, string> }) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<unknown>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setError(undefined);
    try {
      setFound(await search(text.trim(), props.channelId));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details class="channel-search">
      <summary>{cht("ch.search")}</summary>
      <form role="search" onSubmit={submit}>
        <label for="ch-search">{cht("ch.searchLabel")}</label>
        <div class="row">
          <input id="ch-search" type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit">{cht("ch.searchGo")}</button>
        </div>
      </form>
      {error !== undefined && <Refusal error={error} />}
      {found &&
        (found.length === 0 ? (
          <p class="muted" role="status">{cht("ch.searchNone")}</p>
        ) : (
          <ul class="list" data-testid="search-results">
            {found.map((m) => (
              <li key={m.id}>
                <a href={`/console/channels/${props.channelId}?thread=${m.threadRootId ?? m.id}`}>{m.body}</a>{" "}
                <span class="muted">
                  {props.names.get(m.authorId) ?? cht("ch.someone")}, {formatDateTime(m.postedAt)}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </details>
  );
}
