/**
 * A news body (Markdown) as plain paragraphs: the app renders no HTML from data (ADR 0082), so the server's `html`
 * is not used; a blank line starts a paragraph, a line break stays a line break.
 */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>
            {p.replace(/^#+\s*/, "")}
          </p>
        ))}
    </>
  );
}
