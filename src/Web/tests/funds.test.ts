import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonical, derToRaw, jsonString, microUtc, sha256Hex, verifyLedger, FORMAT, type LedgerExport, type LedgerLine } from "../src/features/funds/ledger";

const unitId = "0193f2a4-1111-7000-8000-000000000001";
const fundId = "0193f2a4-2222-7000-8000-000000000002";

/** r‖s to DER, as .NET's Rfc3279DerSequence writes it (a leading zero when the high bit is set). */
function rawToDer(raw: Uint8Array): Uint8Array {
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return v[0]! & 0x80 ? [0x02, v.length + 1, 0, ...v] : [0x02, v.length, ...v];
  };
  const body = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return Uint8Array.from([0x30, body.length, ...body]);
}

const b64 = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString("base64");

async function ledger(lines: Omit<LedgerLine, "seq" | "prevHash" | "hash">[]): Promise<LedgerExport> {
  const entries: LedgerLine[] = [];
  let prev = "0".repeat(64);
  for (const [i, l] of lines.entries()) {
    const line = { ...l, seq: i + 1, prevHash: prev, hash: "" };
    line.hash = await sha256Hex(canonical(unitId, line));
    entries.push(line);
    prev = line.hash;
  }
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const spki = await crypto.subtle.exportKey("spki", pair.publicKey);
  const publicKey = `-----BEGIN PUBLIC KEY-----\n${b64(spki)}\n-----END PUBLIC KEY-----\n`;
  const signedMessage = `${FORMAT}|${unitId}|${entries.length}|${prev}`;
  const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(signedMessage)));
  return { format: FORMAT, unitId, unitName: "Hà Nội", entries, headSeq: entries.length, headHash: prev, signedMessage, signature: b64(rawToDer(raw)), publicKey };
}

const line = (id: string, kind: string, debit: string, credit: string, amount: number, memo: string) => ({
  id, fundId, recordedAt: "2026-12-06T08:00:01.1234567+07:00", date: "2026-12-06", kind, debit, credit, amount, reference: "PT 00001/2026", memo, reverses: null,
});

describe("the ledger's check in the browser", () => {
  it("writes strings as System.Text.Json's default encoder does", () => {
    assert.equal(jsonString('Sách "Việt" & <vở> + 1\'s `x` \\ \n'), '"S\\u00E1ch \\u0022Vi\\u1EC7t\\u0022 \\u0026 \\u003Cv\\u1EDF\\u003E \\u002B 1\\u0027s \\u0060x\\u0060 \\\\ \\n"');
    assert.equal(jsonString("😀"), '"\\uD83D\\uDE00"');
  });

  it("cuts times to microseconds in UTC, as PostgreSQL keeps them", () => {
    assert.equal(microUtc("2026-12-06T08:00:01.1234567+07:00"), "2026-12-06T01:00:01.123456Z");
    assert.equal(microUtc("2026-12-31T23:59:59+00:00"), "2026-12-31T23:59:59.000000Z");
    assert.equal(microUtc("2026-01-01T00:30:00.5-01:00"), "2026-01-01T01:30:00.500000Z");
  });

  it("reads a DER signature with and without leading zeros", () => {
    const raw = new Uint8Array(64).map((_, i) => (i === 0 || i === 32 ? 0x80 : i));
    assert.deepEqual(derToRaw(rawToDer(raw)), raw);
    const small = new Uint8Array(64).map((_, i) => (i < 3 || (i >= 32 && i < 34) ? 0 : i));
    assert.deepEqual(derToRaw(rawToDer(small)), small);
  });

  it("finds a signed ledger valid, and a changed line broken at that line", async () => {
    const export_ = await ledger([
      line("0193f2a4-3333-7000-8000-000000000001", "DONATION", "CASH", "DONATIONS", 30_000_000, "Công ty \"Sách & Vở\""),
      line("0193f2a4-3333-7000-8000-000000000002", "DONATION", "CASH", "DONATIONS", 20_000_000, "Bà Nguyễn Thị Hoa"),
      line("0193f2a4-3333-7000-8000-000000000003", "DISBURSEMENT", "AWARDS_PAID", "CASH", 10_000_000, "Học bổng"),
    ]);
    assert.deepEqual(await verifyLedger(export_, export_.publicKey), { valid: true, entries: 3 });
    const changed = structuredClone(export_);
    changed.entries[1]!.amount = 20_000_001;
    assert.deepEqual(await verifyLedger(changed, export_.publicKey), { valid: false, entries: 3, problem: "hash", line: 2 });
    const dropped = structuredClone(export_);
    dropped.entries.splice(1, 1);
    assert.equal((await verifyLedger(dropped, export_.publicKey)).line, 2);
    const other = await ledger([line("0193f2a4-3333-7000-8000-000000000001", "DONATION", "CASH", "DONATIONS", 1, "x")]);
    assert.equal((await verifyLedger(export_, other.publicKey)).problem, "key");
    assert.equal((await verifyLedger({ ...export_, signature: other.signature })).problem, "signature");
  });
});
