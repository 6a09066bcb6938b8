import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cen } from "../src/features/console/messages.en";
import { cvi } from "../src/features/console/messages.vi";
import { may, rolesGranting } from "../src/features/console/permissions";

describe("what the console shows an official (as the server's OrganizationQueries.RolesGranting)", () => {
  const haNoi = "ha-noi";
  const baDinh = "ba-dinh";
  const pathOfBaDinh = ["centre", haNoi, baDinh];

  it("a role reaches its unit and the whole subtree, never a sibling or a unit above", () => {
    const roles = [{ role: "VICE_CHAIR" as const, unitId: haNoi }];
    assert.equal(may(roles, "MANAGE_UNITS", pathOfBaDinh), true);
    assert.equal(may(roles, "MANAGE_UNITS", ["centre", haNoi]), true);
    assert.equal(may(roles, "MANAGE_UNITS", ["centre"]), false);
    assert.equal(may(roles, "VIEW_MEMBERS", ["centre", "hai-phong"]), false);
  });

  it("staff may see members and handle directives but not change units or roles", () => {
    const staff = [{ role: "STAFF" as const, unitId: baDinh }];
    assert.equal(may(staff, "VIEW_MEMBERS", pathOfBaDinh), true);
    assert.equal(may(staff, "HANDLE_DIRECTIVES", pathOfBaDinh), true);
    assert.equal(may(staff, "MANAGE_UNITS", pathOfBaDinh), false);
    assert.equal(may(staff, "MANAGE_ROLES", pathOfBaDinh), false);
    assert.deepEqual([...rolesGranting("ISSUE_DIRECTIVES")], ["CHAIR", "VICE_CHAIR", "STANDING_MEMBER", "SECRETARY"]);
  });

  it("no role, nothing", () => {
    assert.equal(may([], "VIEW_MEMBERS", pathOfBaDinh), false);
  });

  it("the console's catalogues have the same keys, none empty", () => {
    assert.deepEqual(Object.keys(cen).sort(), Object.keys(cvi).sort());
    for (const [k, v] of Object.entries({ ...cvi, ...cen })) assert.ok(v.trim().length > 0, k);
  });
});

describe("a CSV file's lines with the server's problems beside them", () => {
  it("numbers lines as the server does (header 1), drops a BOM and the last empty line, flags only the bad ones", async () => {
    const { linesWithProblems } = await import("../src/features/console/csv");
    const text = "\uFEFFho_ten,nam_sinh\r\nAn,1970\r\n,1971\r\nBình,abc\r\n";
    const lines = linesWithProblems(text, [{ line: 3, message: "Họ tên không được để trống." }, { line: 4, message: "Năm sinh không phải là số." }]);
    assert.deepEqual(lines.map((l) => l.line), [1, 2, 3, 4]);
    assert.equal(lines[0]!.text, "ho_ten,nam_sinh");
    assert.deepEqual(lines.filter((l) => l.problems.length).map((l) => l.line), [3, 4]);
    assert.deepEqual(lines[3]!.problems, ["Năm sinh không phải là số."]);
  });

  it("a problem past the end of the file still shows", async () => {
    const { linesWithProblems } = await import("../src/features/console/csv");
    const lines = linesWithProblems("a\n", [{ line: 0, message: "Tệp rỗng." }]);
    assert.equal(lines.at(-1)!.problems[0], "Tệp rỗng.");
  });

  it("base64 of the bytes exactly as read, Vietnamese included", async () => {
    const { toBase64 } = await import("../src/features/console/csv");
    const bytes = new TextEncoder().encode("Đặng Văn Đúng");
    assert.equal(toBase64(bytes), Buffer.from(bytes).toString("base64"));
  });
});

describe("the dashboards' months (the end of each month up to the as-of date)", () => {
  it("ends with the as-of date and goes back month by month, across a year's turn", async () => {
    const { monthEnds } = await import("../src/features/console/dashboards/months");
    assert.deepEqual(monthEnds("2026-03-15"), ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-15"]);
    assert.deepEqual(monthEnds("2024-03-31", 2), ["2024-02-29", "2024-03-31"]);
  });
});
