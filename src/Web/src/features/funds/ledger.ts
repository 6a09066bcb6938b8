// The check of a unit's ledger in the browser (docs/adr/0216): the same as LedgerChain.Verify on the server and
// `tools/Vape.Funds.Verify` (docs/adr/0091): every line's SHA-256 over the same canonical bytes, the chain, the double
// entry, no fund paying out more than it holds, the head, and the unit's ECDSA P-256 signature of the head, all
// with Web Crypto; nothing is sent anywhere but the fetch of the unit's published public key.

export const FORMAT = "vape-funds-ledger/1";
const GENESIS = "0".repeat(64);

export interface LedgerLine {
  seq: number;
  id: string;
  fundId: string;
  recordedAt: string;
  date: string;
  kind: string;
  debit: string;
  credit: string;
  amount: number;
  reference: string;
  memo: string;
  reverses: string | null;
  prevHash: string;
  hash: string;
}

export interface LedgerExport {
  format: string;
  unitId: string;
  unitName: string;
  entries: LedgerLine[];
  headSeq: number;
  headHash: string;
  signedMessage: string;
  signature: string;
  publicKey: string;
}

/** What the check found: valid, or the first broken line (`line`, 0 when the fault is not a line's) and why. */
export type Problem = "format" | "seq" | "prev" | "hash" | "entry" | "overdraw" | "head" | "message" | "key" | "signature" | "balance";
export interface LedgerCheck {
  valid: boolean;
  entries: number;
  problem?: Problem;
  line?: number;
}

/** A file's text as a ledger export, or null when it is not one. */
export function parseExport(text: string): LedgerExport | null {
  try {
    const value = JSON.parse(text) as Partial<LedgerExport> | null;
    if (!value || !Array.isArray(value.entries) || typeof value.publicKey !== "string" || typeof value.unitId !== "string") return null;
    return value as LedgerExport;
  } catch {
    return null;
  }
}

/**
 * A string as System.Text.Json writes it with its default encoder: printable ASCII as is except `" & ' + < > \``,
 * which, like every control and non-ASCII character (each UTF-16 unit), become `\uXXXX` (upper case); `\\` and the
 * short escapes \b \t \n \f \r.
 */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) out += "\\\\";
    else if (c >= 0x20 && c < 0x7f && !'"&\'+<>`'.includes(s[i]!)) out += s[i];
    else if (c === 8) out += "\\b";
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 12) out += "\\f";
    else if (c === 13) out += "\\r";
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out + '"';
}

/** `recordedAt` as the server hashes it: UTC, cut to microseconds, `yyyy-MM-ddTHH:mm:ss.ffffffZ`. */
export function microUtc(iso: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (!m) return iso;
  let seconds = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
  const zone = m[8]!;
  if (zone !== "Z") seconds -= (zone[0] === "-" ? -1 : 1) * (+zone.slice(1, 3) * 3600 + +zone.slice(4, 6) * 60);
  const d = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  const fraction = (m[7] ?? "").padEnd(7, "0").slice(0, 6);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${fraction}Z`;
}

/** The bytes hashed for a line (LedgerChain.Canonical): its fields in a fixed order, as a compact JSON array. */
export function canonical(unitId: string, l: LedgerLine): string {
  const s = (v: string) => jsonString(v);
  return (
    "[" +
    [
      s(FORMAT), s(unitId.toLowerCase()), String(l.seq), s(l.id.toLowerCase()), s(l.fundId.toLowerCase()), s(microUtc(l.recordedAt)), s(l.date),
      s(l.kind), s(l.debit), s(l.credit), String(l.amount), s(l.reference), s(l.memo), l.reverses === null ? "null" : s(l.reverses.toLowerCase()),
      s(l.prevHash),
    ].join(",") +
    "]"
  );
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

function base64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** An ECDSA signature in DER (SEQUENCE of two INTEGERs), as .NET writes it, to the r‖s that Web Crypto reads. */
export function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(64);
  let p = 0;
  const length = () => {
    let n = der[p++]!;
    if (n & 0x80) {
      let count = n & 0x7f;
      n = 0;
      while (count-- > 0) n = (n << 8) | der[p++]!;
    }
    return n;
  };
  if (der[p++] !== 0x30) throw new Error("der");
  length();
  for (const offset of [0, 32]) {
    if (der[p++] !== 0x02) throw new Error("der");
    let n = length();
    let start = p;
    p += n;
    while (n > 32 && der[start] === 0) {
      start++;
      n--;
    }
    if (n > 32) throw new Error("der");
    out.set(der.subarray(start, start + n), offset + 32 - n);
  }
  return out;
}

const normalize = (pem: string) => pem.replace(/\s+/g, "");

async function signatureValid(publicKeyPem: string, message: string, signature: string): Promise<boolean> {
  try {
    const body = publicKeyPem.replace(/-----[^-]+-----/g, "");
    const key = await crypto.subtle.importKey("spki", base64(body), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, derToRaw(base64(signature)), new TextEncoder().encode(message));
  } catch {
    return false;
  }
}

/** Checks an export; with `trustedKey` (the PEM the unit publishes), a file that brings another key fails. */
export async function verifyLedger(ledger: LedgerExport, trustedKey?: string | null): Promise<LedgerCheck> {
  const entries = ledger.entries.length;
  const broken = (problem: Problem, line = 0): LedgerCheck => ({ valid: false, entries, problem, line });
  if (ledger.format !== FORMAT) return broken("format");
  const balances = new Map<string, number>();
  let prev = GENESIS;
  let expected = 1;
  for (const line of ledger.entries) {
    if (line.seq !== expected) return broken("seq", expected);
    if (line.prevHash !== prev) return broken("prev", line.seq);
    if ((await sha256Hex(canonical(ledger.unitId, line))) !== line.hash) return broken("hash", line.seq);
    if (!(line.amount > 0) || line.debit === line.credit) return broken("entry", line.seq);
    const debit = `${line.fundId}/${line.debit}`;
    const credit = `${line.fundId}/${line.credit}`;
    balances.set(debit, (balances.get(debit) ?? 0) + line.amount);
    balances.set(credit, (balances.get(credit) ?? 0) - line.amount);
    if ((line.credit === "CASH" || line.credit === "GOODS") && balances.get(credit)! < 0) return broken("overdraw", line.seq);
    prev = line.hash;
    expected++;
  }
  if (ledger.headSeq !== expected - 1 || ledger.headHash !== prev) return broken("head");
  if (ledger.signedMessage !== `${FORMAT}|${ledger.unitId.toLowerCase()}|${ledger.headSeq}|${ledger.headHash}`) return broken("message");
  if (trustedKey && normalize(trustedKey) !== normalize(ledger.publicKey)) return broken("key");
  if (!(await signatureValid(ledger.publicKey, ledger.signedMessage, ledger.signature))) return broken("signature");
  let sum = 0;
  for (const v of balances.values()) sum += v;
  if (sum !== 0) return broken("balance");
  return { valid: true, entries };
}
