// A CSV file as the import screen shows it: its lines (numbered as the server numbers them: the header is line 1)
// with each line's problems beside it, and the bytes the server is sent (base64, exactly as read).

export interface Problem {
  line: number;
  message: string;
}

export interface NumberedLine {
  line: number;
  text: string;
  problems: string[];
}

/** The file's lines (a BOM and the last empty line dropped), each with the problems the server found on it. */
export function linesWithProblems(text: string, problems: readonly Problem[]): NumberedLine[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const byLine = new Map<number, string[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.message]);
  const numbered = lines.map((t, i) => ({ line: i + 1, text: t, problems: byLine.get(i + 1) ?? [] }));
  // A problem on no line of the file (the file as a whole, or past its end) still shows.
  for (const [line, messages] of byLine) if (line < 1 || line > lines.length) numbered.push({ line, text: "", problems: messages });
  return numbered;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
