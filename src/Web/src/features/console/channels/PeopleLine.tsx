import { cht } from "./i18n";

/** "Lê Văn Cường đang nhập…" and who else is here now, announced politely to screen readers. */
export function PeopleLine(props: { typingIds: string[]; presentIds: string[]; names: Map<string, string> }) {
  const name = (p: string) => props.names.get(p) ?? cht("ch.someone");
  return (
    <div class="people">
      <p class="muted" data-testid="presence">
        {props.presentIds.length === 0 ? cht("ch.nobodyHere") : cht("ch.here", { names: props.presentIds.map(name).join(", ") })}
      </p>
      <p class="muted typing" role="status" aria-live="polite" data-testid="typing">
        {props.typingIds.length > 0 && cht("ch.typing", { names: props.typingIds.map(name).join(", ") })}
      </p>
    </div>
  );
}
