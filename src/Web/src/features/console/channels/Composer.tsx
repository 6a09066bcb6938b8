import { useRef, useState } from "preact/hooks";
import { upload } from "../../../api/client";
import { useAction } from "../../../app/ui";
import { complete, mentionQuery, mentionsIn, suggest, type Mentionable } from "../../../realtime/channel";
import { shouldSendTyping } from "../../../realtime/channelLive";
import type { CoordinationHub } from "../../../realtime/coordination";
import { newClientId } from "../../../realtime/outbox";
import { cht, type ChannelKey } from "./i18n";
import { Refusal } from "./Refusal";

const maxFiles = 10;

const priorities = ["NORMAL", "IMPORTANT", "URGENT"] as const;

/**
 * Writing a post or a reply: `@` and part of a name offers the channel's members (folded: "cuong" finds "Cường"),
 * `@kênh` mentions everyone, and a priority. The message id is chosen here and kept until the post is accepted, so a
 * retry after a cut connection never posts twice (the hub is idempotent on it); the text stays on a refusal. Typing
 * tells the others (at most once every few seconds).
 */
export function Composer(props: { hub: CoordinationHub; channelId: string; threadRootId: string | null; members: { personId: string; name?: string | null }[]; me: string }) {
  const [text, setText] = useState("");
  const [priority, setPriority] = useState<(typeof priorities)[number]>("NORMAL");
  const [chosen, setChosen] = useState<Mentionable[]>([]);
  const messageId = useRef(newClientId());
  const typingSent = useRef(0);
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const action = useAction();
  const members = props.members.filter((m): m is Mentionable => !!m.name);
  const q = mentionQuery(text);
  const suggestions = q === null ? [] : suggest(members, q, props.me);
  const label = props.threadRootId ? cht("ch.composeReply") : cht("ch.compose");

  const choose = (p: Mentionable) => {
    setText(complete(text, p.name));
    setChosen((c) => (c.some((x) => x.personId === p.personId) ? c : [...c, p]));
    area.current?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    const ok = await action.run(async () => {
      // Every file first: a refused one (its type, its size) stops here and nothing is posted.
      const attachments: string[] = [];
      for (const f of files.slice(0, maxFiles)) attachments.push((await upload(f)).id);
      await props.hub.post({
        channelId: props.channelId,
        messageId: messageId.current,
        body,
        threadRootId: props.threadRootId,
        priority,
        ...mentionsIn(body, chosen),
        attachments,
      });
    });
    if (ok) {
      setText("");
      setChosen([]);
      setPriority("NORMAL");
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      messageId.current = newClientId();
    }
  };

  return (
    <form class="composer" onSubmit={submit} data-testid="composer">
      <label for="ch-text">{label}</label>
      <p class="hint" id="ch-hint">
        {cht("ch.composeHint")}
      </p>
      <textarea
        id="ch-text"
        ref={area}
        rows={3}
        maxLength={4000}
        aria-describedby="ch-hint"
        value={text}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          messageId.current = newClientId();
          if (shouldSendTyping(typingSent.current, Date.now())) {
            typingSent.current = Date.now();
            void props.hub.typing(props.channelId).catch(() => undefined);
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul class="suggestions" aria-label={cht("ch.suggestions")} data-testid="suggestions">
          {suggestions.map((p) => (
            <li key={p.personId}>
              <button type="button" class="secondary" onClick={() => choose(p)}>
                @{p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div>
          <label for="ch-priority">{cht("ch.priority")}</label>
          <select id="ch-priority" value={priority} onChange={(e) => setPriority((e.target as HTMLSelectElement).value as typeof priority)}>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {cht(("ch.priority." + p) as ChannelKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="ch-files">{cht("ch.attach")}</label>
          <input
            id="ch-files"
            ref={fileInput}
            type="file"
            multiple
            onChange={(e) => setFiles([...((e.target as HTMLInputElement).files ?? [])].slice(0, maxFiles))}
          />
        </div>
        <button type="submit" disabled={action.busy || !text.trim()}>
          {action.busy ? cht("ch.sending") : cht("ch.send")}
        </button>
      </div>
      {action.error !== undefined && <Refusal error={action.error} />}
    </form>
  );
}
