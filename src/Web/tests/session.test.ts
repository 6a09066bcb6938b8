import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expired, expiresAt, renewDelay } from "../src/app/session";

const token = (payload: object) => ["e30", Buffer.from(JSON.stringify(payload)).toString("base64url"), "sig"].join(".");

describe("a token's renewal time", () => {
  const now = Date.parse("2026-12-07T03:00:00Z");
  const exp = (seconds: number) => token({ exp: (now + seconds * 1000) / 1000 });

  it("reads when the token ends", () => {
    assert.equal(expiresAt(exp(3600)), now + 3_600_000);
    assert.equal(expiresAt("not a token"), 0);
    assert.equal(expired(exp(1), now), false);
    assert.equal(expired(exp(0), now), true);
  });

  it("is a minute before the token ends", () => {
    assert.equal(renewDelay(exp(3600), now), 3_540_000);
    assert.equal(renewDelay(exp(61), now), 1_000);
  });

  it("is now for a token ending within a minute, ended, or unreadable", () => {
    assert.equal(renewDelay(exp(30), now), 0);
    assert.equal(renewDelay(exp(-10), now), 0);
    assert.equal(renewDelay("x.y.z", now), 0);
  });
});
