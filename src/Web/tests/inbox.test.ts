import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { notificationHref, relativeTime } from "../src/features/inbox/format";

describe("the inbox's times and links", () => {
  const now = Date.parse("2026-12-06T10:00:00Z");
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it("says how long ago, in Vietnamese and English", () => {
    assert.equal(relativeTime(ago(20), "vi", "Vừa xong", now), "Vừa xong");
    assert.equal(relativeTime(ago(5 * 60), "vi", "Vừa xong", now), "5 phút trước");
    assert.equal(relativeTime(ago(3 * 3600 + 59), "vi", "Vừa xong", now), "3 giờ trước");
    assert.equal(relativeTime(ago(86400 + 60), "vi", "Vừa xong", now), "Hôm qua");
    assert.equal(relativeTime(ago(3 * 86400), "vi", "Vừa xong", now), "3 ngày trước");
    assert.equal(relativeTime(ago(5 * 60), "en", "Just now", now), "5 minutes ago");
    assert.equal(relativeTime(ago(86400 + 60), "en", "Just now", now), "yesterday");
  });

  it("gives the date from a week on", () => {
    assert.equal(relativeTime("2026-11-20T03:00:00Z", "vi", "Vừa xong", now), "20 thg 11, 2026");
  });

  it("a time a little ahead of this device's clock is just now", () => {
    assert.equal(relativeTime(ago(-30), "vi", "Vừa xong", now), "Vừa xong");
  });

  it("links only to paths on this site", () => {
    assert.equal(notificationHref("/record"), "/record");
    assert.equal(notificationHref("/classes/0193a6b2-7f00-7000-8000-000000000001"), "/classes/0193a6b2-7f00-7000-8000-000000000001");
    assert.equal(notificationHref(null), null);
    assert.equal(notificationHref(""), null);
    assert.equal(notificationHref("https://example.com/record"), null);
    assert.equal(notificationHref("//example.com/record"), null);
    assert.equal(notificationHref("/\\example.com"), null);
    assert.equal(notificationHref("javascript:alert(1)"), null);
  });
});
