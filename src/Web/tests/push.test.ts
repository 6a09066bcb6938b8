import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { base64UrlBytes, subscriptionInput } from "../src/features/settings/push";

describe("Web Push for this device", () => {
  it("turns the server's base64url VAPID key into the bytes subscribe() wants", () => {
    // 65 bytes: an uncompressed P-256 point starts with 0x04; '-' and '_' are base64url's '+' and '/'.
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 37) % 256));
    const key = Buffer.from(bytes).toString("base64url");
    assert.ok(!key.includes("="));
    assert.deepEqual([...base64UrlBytes(key)], [...bytes]);
    assert.deepEqual([...base64UrlBytes("-_8")], [0xfb, 0xff]);
  });

  it("sends the subscription as subscribeWebPush takes it, with empty fields where the browser gave none", () => {
    assert.deepEqual(subscriptionInput({ endpoint: "https://fcm.googleapis.com/fcm/send/x", keys: { p256dh: "BP", auth: "au" } }), {
      endpoint: "https://fcm.googleapis.com/fcm/send/x",
      p256dh: "BP",
      auth: "au",
    });
    assert.deepEqual(subscriptionInput({}), { endpoint: "", p256dh: "", auth: "" });
  });
});
