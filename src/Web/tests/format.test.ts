import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { format, formatDate, formatDateTime, formatNumber, formatTime, warmFormats } from "../src/app/i18n";
import { vi } from "../src/app/messages.vi";
import { en } from "../src/app/messages.en";
import { AppError, describeError, toAppError } from "../src/api/errors";
import { LANGUAGE_GROUPS, audienceLabel, formatLabel, languageName, licenceLabel } from "../src/features/library/labels";
import { match, isAppPath } from "../src/app/router";
import { expired } from "../src/app/session";

describe("formatting in the user's language", () => {
  it("dates in Viet Nam's time, in Vietnamese and English", () => {
    assert.equal(formatDate("2026-12-06", "vi"), "6 thg 12, 2026");
    assert.equal(formatDate("2026-12-06", "en"), "6 Dec 2026");
    // 23:30 UTC is already the next morning in Hà Nội.
    assert.match(formatDateTime("2026-12-06T23:30:00Z", "vi"), /06:30.*7 thg 12, 2026/);
  });

  it("a time formatted sixty times (a live chat's lines in one frame) makes its formatter once per language", () => {
    const real = Intl.DateTimeFormat;
    let made = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made += 1;
      return new real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (let i = 0; i < 60; i++) {
        assert.equal(formatTime("2026-12-06T01:05:00Z", "vi"), "08:05");
        assert.equal(formatTime("2026-12-06T01:05:00Z", "en"), "08:05");
      }
    } finally {
      Intl.DateTimeFormat = real;
    }
    assert.ok(made <= 2, `${made} formatters made for 120 times`);
  });

  it("the formatters are made ahead, one per idle step, and the first dates drawn then make none", () => {
    const realDate = Intl.DateTimeFormat;
    const realNumber = Intl.NumberFormat;
    let made = 0;
    Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made += 1;
      return new realDate(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      made += 1;
      return new realNumber(...args);
    } as unknown as typeof Intl.NumberFormat;
    try {
      const idle: (() => void)[] = [];
      const steps = warmFormats("en", (step) => idle.push(step));
      assert.equal(steps, 4);
      assert.equal(made, 0, "nothing is made before the first idle moment");
      let ran = 0;
      while (idle.length) {
        const before: number = made;
        idle.shift()!();
        ran += 1;
        assert.ok(made - before <= 1, "at most one formatter per idle step");
      }
      assert.equal(ran, steps);
      made = 0;
      formatDate("2026-12-06", "en");
      formatDateTime("2026-12-06T23:30:00Z", "en");
      formatTime("2026-12-06T01:05:00Z", "en");
      formatNumber(38344, "en");
      assert.equal(made, 0, "the draw makes no formatter");
    } finally {
      Intl.DateTimeFormat = realDate;
      Intl.NumberFormat = realNumber;
    }
  });

  it("numbers with the locale's decimal mark", () => {
    assert.equal(formatNumber(1234.5, "vi"), "1.234,5");
    assert.equal(formatNumber(1234.5, "en"), "1,234.5");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    assert.equal(format("Còn {free}/{capacity} chỗ", { free: 3, capacity: 30 }), "Còn 3/30 chỗ");
    assert.equal(format("{x} và {y}", { x: 1 }), "1 và {y}");
  });

  it("both catalogues have the same keys and the same placeholders", () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) assert.equal(holes(en[key]), holes(vi[key]), key);
  });
});

describe("errors as people read them", () => {
  it("every stable code becomes a Vietnamese sentence saying what to do, never the raw text", () => {
    for (const code of ["NOT_ALLOWED", "RATE_LIMITED", "VERSION_CONFLICT", "UNAVAILABLE", "INTERNAL", "OFFLINE"]) {
      const text = describeError(new AppError(code, "System.Exception: at Foo.Bar()", "abcdef1234567890"));
      assert.ok(!text.includes(code) && !text.includes("Exception"), text);
      assert.match(text, /Hãy|hãy/);
    }
    assert.match(describeError(new AppError("INTERNAL", undefined, "abcdef1234567890")), /abcdef123456/);
  });

  it("too many requests in flight has its own sentence, not the rate limit's minute", () => {
    const text = describeError(new AppError("TOO_MANY_IN_FLIGHT", "Quá nhiều yêu cầu đang chờ.", "abcdef1234567890"));
    assert.equal(text, vi["error.TOO_MANY_IN_FLIGHT"]);
    assert.notEqual(text, vi["error.RATE_LIMITED"]);
    assert.match(text, /đóng bớt các thẻ/);
    assert.match(en["error.TOO_MANY_IN_FLIGHT"], /Close other tabs/);
  });

  it("an unknown code and a hub exception's text", () => {
    assert.equal(toAppError(new Error("An unexpected error occurred invoking 'SendChat' on the server. HubException: MUTED: Bạn đang bị tắt chat.")).code, "MUTED");
    assert.equal(describeError(new AppError("SOMETHING_NEW")), vi["error.UNKNOWN"]);
  });

  it("a room opened too early says from when it opens, in the server's words", () => {
    const hub = "An unexpected error occurred invoking 'Join' on the server. HubException: TOO_EARLY: Phòng học chỉ mở từ 30 phút trước giờ học, tức từ 12:56 ngày 07/12/2026 (giờ Việt Nam); hãy quay lại lúc đó.";
    const text = describeError(toAppError(new Error(hub)));
    assert.ok(text.startsWith(vi["error.TOO_EARLY"]), text);
    assert.match(text, /12:56 ngày 07\/12\/2026/);
  });
});

describe("the library's format facet", () => {
  it("its values, the enum's GraphQL names, are shown in Vietnamese", () => {
    assert.equal(formatLabel("EPUB"), "Sách điện tử");
    assert.equal(formatLabel("DOCUMENT"), "Tài liệu");
    assert.equal(formatLabel("SOMETHING_NEW"), "SOMETHING_NEW");
  });

  it("a resource's audience, licence and language are named, never shown as codes (ADR 0315)", () => {
    assert.equal(audienceLabel("ELDERLY"), "Người cao tuổi");
    assert.deepEqual(["CC_BY_NC_SA", "CC_0", "PUBLIC_DOMAIN", "OTHER"].map(licenceLabel), ["CC BY-NC-SA", "CC0", "Phạm vi công cộng", "Giấy phép khác"]);
    assert.deepEqual(["vi", "km", "tyz", "de"].map(languageName), ["Tiếng Việt", "Tiếng Khmer", "Tiếng Tày", "Tiếng Đức"]);
    assert.equal(languageName("qqq"), "qqq");
  });

  it("the languages an official chooses from are distinct codes of the server's shape, each with both names", () => {
    const all = LANGUAGE_GROUPS.flatMap((g) => g.languages);
    assert.equal(new Set(all.map(([code]) => code)).size, all.length);
    for (const [code, vi, en] of all) {
      assert.match(code, /^[a-z]{2,3}$/);
      assert.match(vi, /^Tiếng /);
      assert.ok(en && en !== code, code);
    }
  });
});

describe("routes and tokens", () => {
  it("matches paths with parameters, first route wins", () => {
    const routes = [{ pattern: "/classes", load: async () => ({ default: () => null }) }, { pattern: "/classes/:id", load: async () => ({ default: () => null }) }];
    assert.equal(match(routes, "/classes")?.route.pattern, "/classes");
    assert.deepEqual(match(routes, "/classes/abc%20d")?.params, { id: "abc d" });
    assert.equal(match(routes, "/classes/a/b"), null);
  });

  it("the host's own paths are real navigations", () => {
    assert.equal(isAppPath("/records/me/export.json"), false);
    assert.equal(isAppPath("/classes/sessions/x/attendance.csv"), false);
    assert.equal(isAppPath("/classes/123"), true);
  });

  it("an expired or unreadable token is not kept", () => {
    const jwt = (exp: number) => `x.${btoa(JSON.stringify({ exp })).replace(/=+$/, "")}.y`;
    assert.equal(expired(jwt(Date.now() / 1000 + 60)), false);
    assert.equal(expired(jwt(Date.now() / 1000 - 1)), true);
    assert.equal(expired("garbage"), true);
  });
});
