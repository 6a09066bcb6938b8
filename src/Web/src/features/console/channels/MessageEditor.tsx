import { useState } from "preact/hooks";
import type { ChannelMessage } from "../../../realtime/channel";
import { cht } from "./i18n";
import { Refusal } from "./Refusal";

/** Editing my message in place: the same rules as a post (1–4,000 characters); a refusal keeps the text. */
export function MessageEditor(props: { m: ChannelMessage; save: (body: string) => Promise<unknown>; close: () => void }) {
  const [text, setText] = useState(props.m.body ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = `edit-${props.m.id}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.save(text.trim());
      props.close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="editor" onSubmit={submit} data-testid="editor">
      <label for={id}>{cht("ch.editLabel")}</label>
      <textarea id={id} rows={3} maxLength={4000} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <button type="submit" disabled={busy || !text.trim()}>
          {cht("ch.save")}
        </button>
        <button type="button" class="secondary" onClick={props.close}>
          {cht("ch.cancel")}
        </button>
      </div>
      {error !== undefined && <Refusal error={error} />}
    </form>
  );
}
