// The action plan: what each kind of action needs, the directive guards with the clauses they cite, the
// progress of an action and when it is overdue.
import { describe, expect, it } from "vitest";
import { directiveByReference } from "../rules/directives/index.ts";
import type { ActionContext } from "./actions.ts";
import {
  actionProblems,
  daysOverdue,
  isOverdue,
  newAction,
  rentalServiceNotice,
  updateAction,
} from "./actions.ts";
import type { ActionInput, PlanAction } from "./types.ts";

const Y2021: ActionContext = { directive: "PP_EX_CPA_2_DIR", requestedOn: "2024-03-01" };
const Y2025: ActionContext = { directive: "PP_SERV_ASD_2_DIR", requestedOn: "2025-12-01" };
const PARTNER = "7d1f0c2e-9a4b-4c1e-8f7a-2b3c4d5e6f70";
const CATALOGUE = "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";

const base = (input: Partial<ActionInput>): ActionInput => ({
  kind: "other",
  title: "Constituer le dossier",
  owner: "counsellor",
  dueOn: "2025-12-15",
  ...input,
});

describe("what each kind of action needs", () => {
  it.each<[string, Partial<ActionInput>, string[]]>([
    ["an Action Logement product from the catalogue", { kind: "al_product", catalogueItemId: CATALOGUE }, []],
    [
      "a product without its catalogue entry",
      { kind: "al_product" },
      ["CATALOGUE_ITEM_REQUIRED /catalogueItemId"],
    ],
    [
      "a catalogue entry on another kind",
      { catalogueItemId: CATALOGUE },
      ["CATALOGUE_ITEM_NOT_ALLOWED /catalogueItemId"],
    ],
    ["an FSL application", { kind: "external_aid", externalAid: "fsl", owner: "beneficiary" }, []],
    ["an over-indebtedness file", { kind: "external_aid", externalAid: "over_indebtedness_file" }, []],
    ["an external aid not named", { kind: "external_aid" }, ["EXTERNAL_AID_REQUIRED /externalAid"]],
    ["a named aid on another kind", { externalAid: "caf" }, ["EXTERNAL_AID_NOT_ALLOWED /externalAid"]],
    [
      "a referral to a partner",
      { kind: "partner_referral", owner: "partner", partnerOrganisationId: PARTNER },
      [],
    ],
    [
      "a referral without the partner",
      { kind: "partner_referral", owner: "partner" },
      ["PARTNER_REQUIRED /partnerOrganisationId"],
    ],
    [
      "a referral carried out by the counsellor",
      { kind: "partner_referral", owner: "counsellor", partnerOrganisationId: PARTNER },
      ["PARTNER_REQUIRED /owner"],
    ],
    [
      "a partner named for the beneficiary's action",
      { owner: "beneficiary", partnerOrganisationId: PARTNER },
      ["PARTNER_NOT_ALLOWED /partnerOrganisationId"],
    ],
    ["a blank title", { title: "  " }, ["BLANK_TEXT /title"]],
    ["a due day before the request", { dueOn: "2025-11-30" }, ["DATE_BEFORE_REQUEST /dueOn"]],
    ["a due day that does not exist", { dueOn: "2025-11-31" }, ["INVALID_DATE /dueOn"]],
    ["a link with the rental service", { kind: "rental_service" }, []],
  ])("%s", (_, change, expected) => {
    expect(actionProblems(base(change), Y2025).map((p) => `${p.code} ${p.path}`)).toEqual(expected);
  });
});

describe("Logement d'Abord support: the 2025 directive only", () => {
  const clause = directiveByReference("PP_SERV_ASD_2_DIR")?.clauses.find(
    (c) => c.id === "PP_SERV_ASD_2_DIR/principes/9",
  );

  it("the clause cited exists and says so", () => {
    expect(clause?.text).toContain("En complémentarité avec la politique du « Logement d'Abord »");
    expect(clause?.text).toContain("sans logement ou sans hébergement");
  });

  it("is refused under PP_EX_CPA_2_DIR, citing the 2025 clause", () => {
    const [problem, ...others] = actionProblems(base({ kind: "housing_first", dueOn: "2024-04-01" }), Y2021);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      code: "HOUSING_FIRST_NOT_IN_DIRECTIVE",
      path: "/kind",
      clause: "PP_SERV_ASD_2_DIR/principes/9",
    });
    expect(problem?.message).toContain("PP_EX_CPA_2_DIR");
  });

  it.each([
    [undefined, true],
    ["homeless", true],
    ["hosted", true],
    ["occupant_without_title", true],
    ["tenant", false],
    ["owner", false],
    ["buyer", false],
  ] as const)("under PP_SERV_ASD_2_DIR, for occupancy %s: allowed %s", (occupancy, allowed) => {
    const context: ActionContext = occupancy === undefined ? Y2025 : { ...Y2025, occupancy };
    const problems = actionProblems(base({ kind: "housing_first" }), context);
    if (allowed) expect(problems).toEqual([]);
    else
      expect(problems).toEqual([
        expect.objectContaining({
          code: "HOUSING_FIRST_HAS_HOUSING",
          clause: "PP_SERV_ASD_2_DIR/principes/9",
        }),
      ]);
  });
});

describe("the rental service gives no priority access (both directives)", () => {
  it.each([
    ["PP_EX_CPA_2_DIR", "PP_EX_CPA_2_DIR/acces/4", "ne constitue pas un accès prioritaire au logement"],
    ["PP_SERV_ASD_2_DIR", "PP_SERV_ASD_2_DIR/principes/8", "n'offre pas un accès prioritaire au logement"],
  ])("%s: the notice cites %s", (directive, clause, quote) => {
    const notice = rentalServiceNotice(directive);
    expect(notice.text).toContain("aucun accès prioritaire au logement");
    expect(notice.clause).toBe(clause);
    expect(notice.quote).toContain(quote);
  });
});

describe("the progress of an action", () => {
  const planned: PlanAction = newAction(base({ title: "  Déposer le dossier FSL " }));

  it("starts planned, title trimmed", () => {
    expect(planned).toMatchObject({ status: "planned", title: "Déposer le dossier FSL" });
  });

  it("moves forward and says what changed", () => {
    const started = updateAction(planned, { status: "in_progress", dueOn: "2025-12-20" }, Y2025);
    expect(started).toMatchObject({
      ok: true,
      changed: ["status", "dueOn"],
      action: { status: "in_progress", dueOn: "2025-12-20" },
    });
    const same = updateAction(planned, { status: "planned" }, Y2025);
    expect(same).toMatchObject({ ok: true, changed: [] });
  });

  it("needs an outcome to be done or cancelled, then is final", () => {
    for (const status of ["done", "cancelled"] as const) {
      const refused = updateAction(planned, { status, outcome: "  " }, Y2025);
      expect(!refused.ok && refused.error).toMatchObject({
        code: "ACTION_OUTCOME_REQUIRED",
        path: "/outcome",
      });
      const finished = updateAction(planned, { status, outcome: " Aide accordée : 1 200 €. " }, Y2025);
      expect(finished).toMatchObject({ ok: true, action: { status, outcome: "Aide accordée : 1 200 €." } });
      if (!finished.ok) return;
      const reopened = updateAction(finished.action, { status: "in_progress" }, Y2025);
      expect(!reopened.ok && reopened.error.code).toBe("ACTION_FINISHED");
      expect(!reopened.ok && reopened.error.message).toContain(status === "done" ? "réalisée" : "annulée");
      expect(updateAction(finished.action, { status }, Y2025).ok).toBe(true);
    }
  });

  it("refuses a due day before the request", () => {
    const moved = updateAction(planned, { dueOn: "2025-01-01" }, Y2025);
    expect(!moved.ok && moved.error).toMatchObject({ code: "DATE_BEFORE_REQUEST", path: "/dueOn" });
  });
});

describe("overdue actions", () => {
  it.each([
    ["planned", "2025-12-15", "2025-12-15", false, 0],
    ["planned", "2025-12-15", "2025-12-16", true, 1],
    ["in_progress", "2025-12-15", "2026-01-14", true, 30],
    ["in_progress", "2024-02-28", "2024-03-01", true, 2],
    ["done", "2025-12-15", "2026-03-01", false, 0],
    ["cancelled", "2025-12-15", "2026-03-01", false, 0],
  ] as const)("%s, due %s, on %s: overdue %s (%i days)", (status, dueOn, today, overdue, days) => {
    expect(isOverdue({ status, dueOn }, today)).toBe(overdue);
    expect(daysOverdue({ status, dueOn }, today)).toBe(days);
  });
});
