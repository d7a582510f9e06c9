import { describe, expect, it } from "vitest";
import { renderPermissionMatrix } from "./document.ts";
import {
  ACTION_DESCRIPTIONS,
  ACTIONS,
  type Actor,
  isAllowed,
  isInScope,
  PERMISSIONS,
  ROLES,
  scopeIncludes,
} from "./index.ts";

const PARIS = "00000000-0000-4000-8000-000000000001";
const LYON = "00000000-0000-4000-8000-000000000002";

const actor = (role: Actor["role"], organisationId: string | null, userId = "user-1"): Actor => ({
  userId,
  role,
  organisationId,
});

describe("permission matrix", () => {
  it("has an entry for every action and only known roles", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(ACTION_DESCRIPTIONS).sort()).toEqual([...ACTIONS].sort());
    for (const entry of Object.values(PERMISSIONS)) {
      for (const role of Object.keys(entry)) expect(ROLES).toContain(role);
    }
  });

  it("reserves the audit trail to auditors", () => {
    expect(ROLES.filter((role) => isAllowed(role, "audit.read"))).toEqual(["auditor"]);
  });

  it("scopes own resources to their owner and national scopes to everything", () => {
    expect(isInScope(actor("counsellor", PARIS), "session.read", { ownerUserId: "user-1" })).toBe(true);
    expect(isInScope(actor("counsellor", PARIS), "session.read", { ownerUserId: "user-2" })).toBe(false);
    expect(isInScope(actor("auditor", null), "audit.read", { organisationId: LYON })).toBe(true);
    expect(isInScope(actor("admin", null), "audit.read", { organisationId: LYON })).toBe(false);
  });

  it("limits the organisation scope to the actor's own organisation", () => {
    expect(scopeIncludes("organisation", actor("manager", PARIS), { organisationId: PARIS })).toBe(true);
    expect(scopeIncludes("organisation", actor("manager", PARIS), { organisationId: LYON })).toBe(false);
    expect(scopeIncludes("organisation", actor("manager", PARIS), { organisationId: null })).toBe(false);
    // An actor without organisation never matches a resource without one.
    expect(scopeIncludes("organisation", actor("admin", null), { organisationId: null })).toBe(false);
  });

  it("lets a partner worker reach only the cases referred to their organisation, and never the diagnosis", () => {
    const partner = actor("partner_worker", PARIS);
    expect(
      isInScope(partner, "referrals.read", { organisationId: LYON, referredOrganisationIds: [PARIS] }),
    ).toBe(true);
    expect(
      isInScope(partner, "referrals.read", { organisationId: LYON, referredOrganisationIds: [LYON] }),
    ).toBe(false);
    expect(isInScope(partner, "referrals.read", { organisationId: PARIS })).toBe(false);
    expect(ROLES.filter((role) => isAllowed(role, "cases.sensitive.read"))).toEqual([
      "counsellor",
      "manager",
    ]);
    expect(isAllowed("partner_worker", "cases.read")).toBe(false);
  });

  it("keeps case content away from budget controllers and administrators", () => {
    for (const role of ["budget_controller", "admin"] as const) {
      for (const action of [
        "cases.read",
        "cases.sensitive.read",
        "documents.read",
        "referrals.read",
      ] as const) {
        expect(isAllowed(role, action)).toBe(false);
      }
    }
  });

  it("lets a counsellor change only the cases assigned to them", () => {
    const counsellor = actor("counsellor", PARIS);
    expect(isInScope(counsellor, "cases.change", { organisationId: PARIS, ownerUserId: "user-1" })).toBe(
      true,
    );
    expect(isInScope(counsellor, "cases.change", { organisationId: PARIS, ownerUserId: "user-2" })).toBe(
      false,
    );
    expect(isInScope(counsellor, "cases.read", { organisationId: PARIS, ownerUserId: "user-2" })).toBe(true);
    expect(isInScope(counsellor, "cases.read", { organisationId: LYON, ownerUserId: "user-1" })).toBe(false);
  });

  it("renders one row per action and one column per role", () => {
    const lines = renderPermissionMatrix().split("\n");
    expect(lines).toHaveLength(2 + Object.keys(ACTIONS).length);
    for (const line of lines) expect(line.split("|").length - 2).toBe(ROLES.length + 1);
  });
});
