// Cases through the HTTP API, on a real server and a real database (both kinds): the whole journey of a
// 2021 case and of a 2025 case, every class of refused step (409 with the French reason, 422 with the
// field), concurrent edits (ETag / If-Match), scoping by agency and role, duplicate requests, the caseload's
// cursor and search, hostile query strings, the audit trail, and logs free of personal data.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInParis } from "../src/core/time/index.ts";
import { auditEvents, eligibilitySnapshots, organisations } from "../src/db/schema/index.ts";
import {
  type ApiResponse,
  call,
  DEMO_USERS,
  ELIGIBLE_FACTS,
  type Session,
  signIn,
  signInAll,
} from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const TODAY = todayInParis();

const STUDENT_FACTS = {
  person: { activity: "student" },
  housing: { postcode: "75011", occupancy: "tenant" },
};

// The fictitious people of this suite: none of these values may ever reach the logs.
const PEOPLE = {
  journey2021: {
    firstName: "Apolline",
    lastName: "Vasseur-Quintard",
    birthDate: "1984-02-29",
    email: "apolline.vasseur@exemple-appui.test",
    phone: "06 71 82 93 04",
  },
  journey2025: {
    firstName: "Baptiste",
    lastName: "Ozanne-Lefeuvre",
    birthDate: "1990-07-14",
    email: "baptiste.ozanne@exemple-appui.test",
    phone: "07 55 44 33 22",
  },
};
const SUMMARY_2021 = "Trois mois de loyer impayés après une longue maladie du conjoint.";
const SUMMARY_2025 = "Commandement de payer reçu, séparation récente, deux enfants à charge.";
const CONSENT = { processing: true, noticeVersion: "2025-11" };

type Detail = {
  id: string;
  reference: string;
  version: number;
  status: string;
  directive: string;
  counsellor: { id: string; name: string } | null;
  possibleDuplicateOf: { id: string; reference: string } | null;
  latestSnapshot: { id: string; outcome: string; parameters: Record<string, number> } | null;
  eligibility: { snapshotId: string; outcome: string } | null;
  decision: { kind: string; motive?: string } | null;
  engagement: { kind: string; on: string; reason?: string } | null;
  closure: { reason: string; on: string } | null;
  nextSteps: { command: string }[];
  situationSummary: string | null;
  [key: string]: unknown;
};
type Problem = {
  code: string;
  detail: string;
  status: number;
  clause?: string;
  errors?: { path: string; code: string; message: string }[];
};

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Cases over HTTP"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    const sessions = {} as Record<keyof typeof DEMO_USERS, Session>;

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000 },
        rateLimits: { requests: { max: 10_000, timeWindow: "1 minute" } },
      });
      Object.assign(sessions, await signInAll(server.url));
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const api = <T = Detail>(
      method: string,
      path: string,
      options: { session?: Session; body?: unknown; ifMatch?: string | null } = {},
    ) => call<T>(server.url, method, path, options);

    /** Opens a case as the Paris counsellor (by phone) and returns its detail. */
    async function openCase(
      requestedOn: string,
      person: Record<string, string> = {
        firstName: "Test",
        lastName: `Personne ${Math.random()}`,
        phone: "0600000000",
      },
      session = sessions.parisCounsellor,
    ): Promise<ApiResponse<Detail>> {
      const created = await api("POST", "/api/v1/cases", {
        session,
        body: { person, channel: "phone", requestedOn, consent: CONSENT },
      });
      expect(created.status).toBe(201);
      return created;
    }

    /** Runs steps in order; each must succeed. Returns the last response. */
    async function run(
      id: string,
      etag: string | null,
      steps: [string, unknown][],
      session = sessions.parisCounsellor,
    ): Promise<ApiResponse<Detail>> {
      let last: ApiResponse<Detail> | undefined;
      let tag = etag;
      for (const [path, body] of steps) {
        last = await api("POST", `/api/v1/cases/${id}/${path}`, { session, body, ifMatch: tag });
        expect(last.status, `${path}: ${JSON.stringify(last.body)}`).toBe(200);
        tag = last.etag;
      }
      return last as ApiResponse<Detail>;
    }

    it("takes a 2021 case from a phone request to closure, with a signed engagement", async () => {
      const created = await api("POST", "/api/v1/cases", {
        session: sessions.parisCounsellor,
        body: {
          person: PEOPLE.journey2021,
          situationSummary: SUMMARY_2021,
          preferredChannel: "phone",
          preferredTimes: "Le matin avant 10 h",
          channel: "phone",
          requestedOn: "2024-03-12",
          consent: CONSENT,
        },
      });
      expect(created.status).toBe(201);
      expect(created.etag).toBe('"1"');
      const opened = created.body;
      expect(opened).toMatchObject({
        status: "request_received",
        directive: "PP_EX_CPA_2_DIR",
        requestedOn: "2024-03-12",
        channel: "phone",
        counsellor: { id: sessions.parisCounsellor.userId },
        situationSummary: SUMMARY_2021,
        consent: { legalBasis: "consent", noticeVersion: "2025-11" },
        person: { email: PEOPLE.journey2021.email, phone: "+33671829304" },
      });
      expect(opened.reference).toMatch(/^ASD-2024-\d{6}$/);
      const id = opened.id;

      const assessed = await api("POST", `/api/v1/cases/${id}/eligibility`, {
        session: sessions.parisCounsellor,
        ifMatch: created.etag,
        body: { situation: ELIGIBLE_FACTS, assessedOn: "2024-03-15" },
      });
      expect(assessed.status).toBe(200);
      expect(assessed.etag).toBe('"2"');
      expect(assessed.body).toMatchObject({
        status: "eligibility_assessed",
        eligibility: { outcome: "eligible", directive: "PP_EX_CPA_2_DIR", assessedOn: "2024-03-15" },
        latestSnapshot: { outcome: "eligible", parameters: { tempWorkerMinHours: expect.any(Number) } },
      });

      const planned = await run(id, assessed.etag, [
        ["decision", { decision: "admit" }],
        ["diagnosis/start", {}],
        ["plan/propose", {}],
      ]);
      expect(planned.body.status).toBe("action_plan");

      // PP_EX_CPA_2_DIR: no follow-up, and no waiver, before the signature.
      const early = await api<Problem>("POST", `/api/v1/cases/${id}/follow-up/start`, {
        session: sessions.parisCounsellor,
        ifMatch: planned.etag,
        body: {},
      });
      expect(early.status).toBe(409);
      expect(early.contentType).toMatch(PROBLEM_JSON);
      expect(early.body.code).toBe("ENGAGEMENT_NOT_SIGNED");
      expect(early.body.detail).toContain("L'engagement réciproque n'est pas signé");
      expect(early.body.clause).toBe("PP_EX_CPA_2_DIR/caracteristiques/3");
      const waiver = await api<Problem>("POST", `/api/v1/cases/${id}/engagement/waive`, {
        session: sessions.parisCounsellor,
        ifMatch: planned.etag,
        body: { reason: "La personne ne peut pas se déplacer.", on: "2024-04-01" },
      });
      expect(waiver.status).toBe(409);
      expect(waiver.body.code).toBe("ENGAGEMENT_WAIVER_NOT_ALLOWED");

      const closed = await run(id, planned.etag, [
        ["engagement/sign", { on: "2024-04-02" }],
        ["follow-up/start", {}],
        ["close", { reason: "resolved", on: "2024-09-30" }],
      ]);
      expect(closed.body).toMatchObject({
        status: "closed",
        engagement: { kind: "signed", on: "2024-04-02" },
        closure: { reason: "resolved", on: "2024-09-30" },
        nextSteps: [],
      });
      expect(closed.etag).toBe('"8"');

      const timeline = await api<{ items: { seq: number; type: string; actor: { id: string } | null }[] }>(
        "GET",
        `/api/v1/cases/${id}/timeline`,
        { session: sessions.parisCounsellor },
      );
      expect(timeline.status).toBe(200);
      expect(timeline.body.items.map((item) => item.type)).toEqual([
        "request_received",
        "eligibility_assessed",
        "decision_taken",
        "diagnosis_started",
        "action_plan_proposed",
        "engagement_signed",
        "follow_up_started",
        "case_closed",
      ]);
      expect(timeline.body.items.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(timeline.body.items.map((item) => item.actor?.id))).toEqual(
        new Set([sessions.parisCounsellor.userId]),
      );

      // Closed is final: every step is refused, and the refusals change nothing.
      for (const [path, body] of [
        ["eligibility", { situation: ELIGIBLE_FACTS }],
        ["decision", { decision: "refuse", motive: "Motif" }],
        ["close", { reason: "abandoned", on: "2024-10-01" }],
        ["assign", { counsellorUserId: sessions.parisCounsellor.userId }],
      ] as const) {
        const refused = await api<Problem>("POST", `/api/v1/cases/${id}/${path}`, {
          session: path === "assign" ? sessions.parisManager : sessions.parisCounsellor,
          ifMatch: closed.etag,
          body,
        });
        expect(refused.status, path).toBe(409);
        expect(refused.body.code, path).toBe("CASE_CLOSED");
        expect(refused.body.detail).toBe("Le dossier est clôturé : plus aucune action n'est possible.");
      }
      const after = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisCounsellor });
      expect(after.etag).toBe('"8"');
    });

    it("takes a 2025 case from the public form to closure, assigned by the manager, waiving the engagement", async () => {
      const filed = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: { ...PEOPLE.journey2025, postcode: "75011" },
          situationSummary: SUMMARY_2025,
          preferredChannel: "email",
          consent: CONSENT,
        },
      });
      expect(filed.status).toBe(201);
      // The public caller gets its reference, nothing of the case.
      expect(Object.keys(filed.body).sort()).toEqual(["reference", "requestedOn"]);
      expect(filed.body.reference).toMatch(new RegExp(`^ASD-${TODAY.slice(0, 4)}-\\d{6}$`));

      const found = await api<{
        items: { id: string; reference: string; counsellor: unknown; channel: string }[];
      }>("GET", `/api/v1/cases?q=${encodeURIComponent(filed.body.reference as string)}`, {
        session: sessions.parisManager,
      });
      expect(found.status).toBe(200);
      expect(found.body.items).toHaveLength(1);
      const item = found.body.items[0] as { id: string; counsellor: unknown; channel: string };
      expect(item).toMatchObject({ counsellor: null, channel: "web_form" });
      const id = item.id;

      const read = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisManager });
      expect(read.body).toMatchObject({
        directive: "PP_SERV_ASD_2_DIR",
        organisation: { name: "Agence de Paris" },
        situationSummary: SUMMARY_2025,
        possibleDuplicateOf: null,
      });

      // Not assigned yet: the counsellor may read the case, not move it.
      const notYours = await api<Problem>("POST", `/api/v1/cases/${id}/eligibility`, {
        session: sessions.parisCounsellor,
        ifMatch: read.etag,
        body: { situation: ELIGIBLE_FACTS },
      });
      expect(notYours.status).toBe(403);
      expect(notYours.body.code).toBe("case_not_assigned");

      const assigned = await run(
        id,
        read.etag,
        [["assign", { counsellorUserId: sessions.parisCounsellor.userId }]],
        sessions.parisManager,
      );
      expect(assigned.body.counsellor).toMatchObject({ id: sessions.parisCounsellor.userId });

      const planned = await run(id, assigned.etag, [
        ["eligibility", { situation: { ...ELIGIBLE_FACTS, requestDate: TODAY } }],
        ["decision", { decision: "admit" }],
        ["diagnosis/start", {}],
        ["plan/propose", {}],
      ]);
      // PP_SERV_ASD_2_DIR: the follow-up waits for the engagement to be signed or waived.
      const early = await api<Problem>("POST", `/api/v1/cases/${id}/follow-up/start`, {
        session: sessions.parisCounsellor,
        ifMatch: planned.etag,
        body: {},
      });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe("ENGAGEMENT_NOT_RECORDED");
      const blank = await api<Problem>("POST", `/api/v1/cases/${id}/engagement/waive`, {
        session: sessions.parisCounsellor,
        ifMatch: planned.etag,
        body: { reason: "   ", on: TODAY },
      });
      expect(blank.status).toBe(422);
      expect(blank.body.code).toBe("WAIVER_REASON_REQUIRED");
      expect(blank.body.errors?.[0]?.path).toBe("/reason");

      const closed = await run(id, planned.etag, [
        ["engagement/waive", { reason: "Hospitalisée, signera à son retour.", on: TODAY }],
        ["follow-up/start", {}],
        ["close", { reason: "resolved", on: TODAY }],
      ]);
      expect(closed.body).toMatchObject({
        status: "closed",
        engagement: { kind: "waived", reason: "Hospitalisée, signera à son retour." },
      });
      const timeline = await api<{ items: { type: string }[] }>("GET", `/api/v1/cases/${id}/timeline`, {
        session: sessions.parisManager,
      });
      expect(timeline.body.items.map((entry) => entry.type)).toEqual([
        "request_received",
        "case_assigned",
        "eligibility_assessed",
        "decision_taken",
        "diagnosis_started",
        "action_plan_proposed",
        "engagement_waived",
        "follow_up_started",
        "case_closed",
      ]);
    });

    it("refuses each step the state forbids with 409 and the reason in French, leaving the case unchanged", async () => {
      const fresh = await openCase("2024-05-06");
      const id = fresh.body.id;
      const attempt = (path: string, body: unknown, etag: string | null) =>
        api<Problem>("POST", `/api/v1/cases/${id}/${path}`, {
          session: sessions.parisCounsellor,
          body,
          ifMatch: etag,
        });

      const beforeAssessment = await attempt("decision", { decision: "admit" }, fresh.etag);
      expect(beforeAssessment.status).toBe(409);
      expect(beforeAssessment.body.code).toBe("NOT_ASSESSED");
      expect(beforeAssessment.body.detail).toContain("L'éligibilité n'a pas encore été évaluée");
      // A step that needs nothing may come without a body.
      const illegal = await attempt("diagnosis/start", undefined, fresh.etag);
      expect(illegal.status).toBe(409);
      expect(illegal.body.code).toBe("ILLEGAL_TRANSITION");
      expect(illegal.body.detail).toBe(
        "Action impossible : « commencer le diagnostic social » n'est pas possible quand le dossier est à l'étape « demande reçue ».",
      );
      const tooEarlyClosure = await attempt("close", { reason: "resolved", on: "2024-05-07" }, fresh.etag);
      expect(tooEarlyClosure.status).toBe(409);
      expect(tooEarlyClosure.body.code).toBe("CLOSURE_REASON_NOT_ALLOWED");

      const assessed = await run(id, fresh.etag, [
        ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2024-05-07" }],
      ]);
      // Refusing an eligible case needs a written motive: a field at fault, 422.
      const noMotive = await attempt("decision", { decision: "refuse" }, assessed.etag);
      expect(noMotive.status).toBe(422);
      expect(noMotive.body.code).toBe("MOTIVE_REQUIRED");
      expect(noMotive.body.errors?.[0]?.path).toBe("/motive");
      const datedBefore = await attempt(
        "eligibility",
        { situation: ELIGIBLE_FACTS, assessedOn: "2024-05-01" },
        assessed.etag,
      );
      expect(datedBefore.status).toBe(422);
      expect(datedBefore.body.errors?.[0]?.path).toBe("/assessedOn");

      const refused = await run(id, assessed.etag, [
        ["decision", { decision: "refuse", motive: "Aucune difficulté de logement." }],
      ]);
      const twice = await attempt("decision", { decision: "admit" }, refused.etag);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe("DECISION_ALREADY_TAKEN");
      const afterRefusal = await attempt("diagnosis/start", {}, refused.etag);
      expect(afterRefusal.status).toBe(409);
      expect(afterRefusal.body.code).toBe("ILLEGAL_TRANSITION");

      const now = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisCounsellor });
      expect(now.etag).toBe(refused.etag);
      expect(now.body).toMatchObject({ status: "refused", decision: { kind: "refused" } });
      const timeline = await api<{ items: unknown[] }>("GET", `/api/v1/cases/${id}/timeline`, {
        session: sessions.parisCounsellor,
      });
      expect(timeline.body.items).toHaveLength(3);
    });

    it("keeps every assessment: a re-assessment adds a snapshot and leaves the decision as it was", async () => {
      const fresh = await openCase("2024-06-03");
      const id = fresh.body.id;
      const admitted = await run(id, fresh.etag, [
        ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2024-06-04" }],
        ["decision", { decision: "admit" }],
      ]);
      const first = admitted.body.eligibility?.snapshotId;
      const again = await run(id, admitted.etag, [
        ["eligibility", { situation: STUDENT_FACTS, assessedOn: "2024-06-10" }],
      ]);
      expect(again.body).toMatchObject({
        status: "admitted",
        decision: { kind: "admitted", outcome: "eligible" },
        eligibility: { outcome: "ineligible" },
      });
      const snapshots = await database.db.drizzle
        .select({ id: eligibilitySnapshots.id, outcome: eligibilitySnapshots.outcome })
        .from(eligibilitySnapshots)
        .where(eq(eligibilitySnapshots.caseId, id));
      expect(snapshots.map((snapshot) => snapshot.outcome).sort()).toEqual(["eligible", "ineligible"]);
      expect(snapshots.map((snapshot) => snapshot.id)).toContain(first);
      const timeline = await api<{ items: { type: string; data: Record<string, unknown> }[] }>(
        "GET",
        `/api/v1/cases/${id}/timeline`,
        { session: sessions.parisCounsellor },
      );
      expect(timeline.body.items.at(-1)).toMatchObject({
        type: "eligibility_reassessed",
        data: { outcomeChanged: true, departsFromDecision: true },
      });
      // A situation the engine refuses is refused before anything is stored.
      const badFacts = await api<Problem>("POST", `/api/v1/cases/${id}/eligibility`, {
        session: sessions.parisCounsellor,
        ifMatch: again.etag,
        body: { situation: { housing: { postcode: "99999" }, requestDate: "2024-01-01" } },
      });
      expect(badFacts.status).toBe(400);
      expect(badFacts.body.errors?.map((error) => error.path).sort()).toEqual([
        "/situation/housing/postcode",
        "/situation/requestDate",
      ]);
    });

    it("detects concurrent edits: one of two writers with the same ETag gets 412, and nothing is lost", async () => {
      const fresh = await openCase("2024-07-01");
      const id = fresh.body.id;
      const assessed = await run(id, fresh.etag, [
        ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2024-07-02" }],
      ]);
      const otherTab = await signIn(server.url, DEMO_USERS.parisCounsellor);
      const [admit, refuse] = await Promise.all([
        api("POST", `/api/v1/cases/${id}/decision`, {
          session: sessions.parisCounsellor,
          ifMatch: assessed.etag,
          body: { decision: "admit" },
        }),
        api<Problem>("POST", `/api/v1/cases/${id}/decision`, {
          session: otherTab,
          ifMatch: assessed.etag,
          body: { decision: "refuse", motive: "Pas de difficulté de logement." },
        }),
      ]);
      expect([admit.status, refuse.status].sort()).toEqual([200, 412]);
      const loser = admit.status === 412 ? admit : refuse;
      expect(loser.contentType).toMatch(PROBLEM_JSON);
      expect((loser.body as unknown as Problem).code).toBe("precondition_failed");
      const winner = admit.status === 200 ? admit : refuse;
      const now = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisCounsellor });
      expect(now.etag).toBe('"3"');
      expect(now.body.decision?.kind).toBe((winner.body as Detail).decision?.kind);
      const timeline = await api<{ items: { type: string }[] }>("GET", `/api/v1/cases/${id}/timeline`, {
        session: sessions.parisCounsellor,
      });
      expect(timeline.body.items.filter((entry) => entry.type === "decision_taken")).toHaveLength(1);

      // A stale tag later, a missing one, or a weak one: refused before anything is written.
      const stale = await api<Problem>("POST", `/api/v1/cases/${id}/close`, {
        session: sessions.parisCounsellor,
        ifMatch: assessed.etag,
        body: { reason: "abandoned", on: "2024-07-03" },
      });
      expect(stale.status).toBe(412);
      const missing = await api<Problem>("POST", `/api/v1/cases/${id}/close`, {
        session: sessions.parisCounsellor,
        body: { reason: "abandoned", on: "2024-07-03" },
      });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe("precondition_required");
      const weak = await api<Problem>("POST", `/api/v1/cases/${id}/close`, {
        session: sessions.parisCounsellor,
        ifMatch: `W/${now.etag}`,
        body: { reason: "abandoned", on: "2024-07-03" },
      });
      expect(weak.status).toBe(412);
      const still = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisCounsellor });
      expect(still.etag).toBe('"3"');
    });

    it("scopes cases by agency and role: 404 for another agency, no case content for other roles", async () => {
      const paris = await openCase("2024-08-01");
      const id = paris.body.id;
      for (const path of [`/api/v1/cases/${id}`, `/api/v1/cases/${id}/timeline`]) {
        const lyon = await api<Problem>("GET", path, { session: sessions.lyonCounsellor });
        expect(lyon.status, path).toBe(404);
        expect(lyon.contentType).toMatch(PROBLEM_JSON);
      }
      const lyonChange = await api<Problem>("POST", `/api/v1/cases/${id}/eligibility`, {
        session: sessions.lyonCounsellor,
        ifMatch: paris.etag,
        body: { situation: ELIGIBLE_FACTS },
      });
      expect(lyonChange.status).toBe(404);
      // The same answer as for a case that does not exist: ids cannot be probed.
      const unknown = await api<Problem>("GET", "/api/v1/cases/00000000-0000-4000-8000-000000000000", {
        session: sessions.lyonCounsellor,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(lyonChange.body.code);
      const lyonList = await api<{ items: { id: string }[] }>("GET", "/api/v1/cases?limit=100", {
        session: sessions.lyonCounsellor,
      });
      expect(lyonList.body.items.map((item) => item.id)).not.toContain(id);

      for (const role of ["partnerWorker", "budgetController", "admin", "auditor"] as const) {
        const read = await api<Problem>("GET", `/api/v1/cases/${id}`, { session: sessions[role] });
        expect(read.status, role).toBe(403);
        const list = await api<Problem>("GET", "/api/v1/cases", { session: sessions[role] });
        expect(list.status, role).toBe(403);
      }
      const untouched = await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisCounsellor });
      expect(untouched.etag).toBe('"1"');
    });

    it("shows a partner only the referral summary of the cases referred to it", async () => {
      const [partner] = await database.db.drizzle
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.kind, "partner"));
      const opened = await openCase("2024-09-02", {
        firstName: "Joséphine",
        lastName: "Brûlé",
        phone: "0611223344",
      });
      const id = opened.body.id;
      const admitted = await run(id, opened.etag, [
        ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2024-09-03" }],
        ["decision", { decision: "admit" }],
        ["diagnosis/start", {}],
      ]);
      const before = await api<{ items: { caseId: string }[] }>("GET", "/api/v1/referrals", {
        session: sessions.partnerWorker,
      });
      expect(before.body.items.map((item) => item.caseId)).not.toContain(id);

      const referred = await run(id, admitted.etag, [
        ["referrals", { partnerOrganisationId: partner?.id, note: "Accompagnement budgétaire de 6 mois." }],
      ]);
      expect(referred.body.referrals).toEqual([
        expect.objectContaining({ note: "Accompagnement budgétaire de 6 mois." }),
      ]);
      const again = await api<Problem>("POST", `/api/v1/cases/${id}/referrals`, {
        session: sessions.parisCounsellor,
        ifMatch: referred.etag,
        body: { partnerOrganisationId: partner?.id },
      });
      expect(again.status).toBe(409);
      const toAnAgency = await api<Problem>("POST", `/api/v1/cases/${id}/referrals`, {
        session: sessions.parisCounsellor,
        ifMatch: referred.etag,
        body: { partnerOrganisationId: (opened.body.organisation as { id: string }).id },
      });
      expect(toAnAgency.status).toBe(422);
      expect(toAnAgency.body.errors?.[0]?.path).toBe("/partnerOrganisationId");

      const list = await api<{ items: Record<string, unknown>[] }>("GET", "/api/v1/referrals", {
        session: sessions.partnerWorker,
      });
      expect(list.status).toBe(200);
      const summary = list.body.items.find((item) => item.caseId === id);
      expect(summary).toMatchObject({
        reference: opened.body.reference,
        personName: "Joséphine Brûlé",
        note: "Accompagnement budgétaire de 6 mois.",
        agency: { name: "Agence de Paris" },
      });
      expect(Object.keys(summary ?? {}).sort()).toEqual(
        ["agency", "caseId", "contact", "counsellor", "note", "personName", "reference", "referredAt"].sort(),
      );
      // Referred or not, the case itself stays closed to the partner.
      const read = await api("GET", `/api/v1/cases/${id}`, { session: sessions.partnerWorker });
      expect(read.status).toBe(403);
      const lyonReferrals = await api("GET", "/api/v1/referrals", { session: sessions.lyonCounsellor });
      expect(lyonReferrals.status).toBe(403);
    });

    it("flags a request from a person who already has an open case, without telling the public caller", async () => {
      const person = {
        firstName: "Héloïse",
        lastName: "Dupré-Marchal",
        birthDate: "1977-11-03",
        email: "heloise.dupre@exemple-appui.test",
      };
      const first = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: { ...person, postcode: "75019" },
          situationSummary: "Impayés de loyer.",
          consent: CONSENT,
        },
      });
      const sameEmail = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: {
            ...person,
            firstName: "Heloise",
            email: "Heloise.Dupre@Exemple-Appui.test",
            postcode: "75019",
          },
          situationSummary: "Je relance ma demande.",
          consent: CONSENT,
        },
      });
      const sameNameAndBirth = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: {
            ...person,
            lastName: "DUPRÉ MARCHAL",
            email: "autre.adresse@exemple-appui.test",
            postcode: "75019",
          },
          situationSummary: "Nouvelle adresse électronique.",
          consent: CONSENT,
        },
      });
      const someoneElse = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: { ...person, firstName: "Margaux", email: "margaux@exemple-appui.test", postcode: "75019" },
          situationSummary: "Sa sœur, même date de naissance.",
          consent: CONSENT,
        },
      });
      const otherAgency = await api<Record<string, unknown>>("POST", "/api/v1/requests", {
        body: {
          person: { ...person, postcode: "69003" },
          situationSummary: "Déménagée à Lyon.",
          consent: CONSENT,
        },
      });
      for (const response of [first, sameEmail, sameNameAndBirth, someoneElse, otherAgency]) {
        expect(response.status).toBe(201);
        expect(Object.keys(response.body).sort()).toEqual(["reference", "requestedOn"]);
      }
      const detail = async (reference: unknown, session: Session) => {
        const list = await api<{ items: { id: string; possibleDuplicate: boolean }[] }>(
          "GET",
          `/api/v1/cases?q=${encodeURIComponent(String(reference))}`,
          { session },
        );
        const item = list.body.items[0];
        expect(item).toBeDefined();
        const read = await api("GET", `/api/v1/cases/${item?.id}`, { session });
        return { listed: item?.possibleDuplicate, detail: read.body };
      };
      const original = await detail(first.body.reference, sessions.parisManager);
      expect(original.listed).toBe(false);
      for (const duplicate of [sameEmail, sameNameAndBirth]) {
        const flagged = await detail(duplicate.body.reference, sessions.parisManager);
        expect(flagged.listed).toBe(true);
        expect(flagged.detail.possibleDuplicateOf).toEqual({
          id: original.detail.id,
          reference: first.body.reference,
        });
      }
      expect((await detail(someoneElse.body.reference, sessions.parisManager)).listed).toBe(false);
      const lyon = await detail(otherAgency.body.reference, sessions.lyonCounsellor);
      expect(lyon.detail.organisation).toMatchObject({ name: "Agence de Lyon" });
      expect(lyon.listed).toBe(false);
    });

    it("checks the public form: consent, a way to contact the person, a real postcode", async () => {
      const person = {
        firstName: "Inès",
        lastName: "Rivière",
        email: "ines@exemple-appui.test",
        postcode: "75011",
      };
      const refusals: [unknown, string][] = [
        [
          { person, situationSummary: "x", consent: { processing: false, noticeVersion: "v1" } },
          "/consent/processing",
        ],
        [{ person, situationSummary: "x" }, "/consent"],
        [
          { person: { ...person, email: undefined }, situationSummary: "x", consent: CONSENT },
          "/person/email",
        ],
        [
          { person: { ...person, postcode: "99999" }, situationSummary: "x", consent: CONSENT },
          "/person/postcode",
        ],
        [{ person, situationSummary: "   ", consent: CONSENT }, "/situationSummary"],
        [{ person, situationSummary: "x", consent: CONSENT, status: "closed" }, "/status"],
      ];
      for (const [body, path] of refusals) {
        const response = await api<Problem>("POST", "/api/v1/requests", { body });
        expect(response.status, path).toBe(400);
        expect(
          response.body.errors?.map((error) => error.path),
          path,
        ).toContain(path);
      }
    });

    it("limits the public form per client address", async () => {
      const limited = await startServer(database.db, {
        rateLimits: { requests: { max: 2, timeWindow: "1 minute" } },
      });
      try {
        const body = {
          person: { firstName: "Rémi", lastName: "Quéré", phone: "0612121212", postcode: "69003" },
          situationSummary: "Demande.",
          consent: CONSENT,
        };
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 3; attempt += 1) {
          statuses.push((await call(limited.url, "POST", "/api/v1/requests", { body })).status);
        }
        expect(statuses).toEqual([201, 201, 429]);
      } finally {
        await limited.close();
      }
    });

    it("puts a request taken by the agency in the hands of one of its own counsellors only", async () => {
      const person = { firstName: "Noé", lastName: "Aubertin", phone: "0633221100" };
      const toLyon = await api<Problem>("POST", "/api/v1/cases", {
        session: sessions.parisManager,
        body: {
          person,
          channel: "visit",
          requestedOn: "2024-11-04",
          consent: CONSENT,
          counsellorUserId: sessions.lyonCounsellor.userId,
        },
      });
      expect(toLyon.status).toBe(422);
      expect(toLyon.body.errors?.[0]?.path).toBe("/counsellorUserId");
      const beforeDirectives = await api<Problem>("POST", "/api/v1/cases", {
        session: sessions.parisCounsellor,
        body: { person, channel: "visit", requestedOn: "2020-11-04", consent: CONSENT },
      });
      expect(beforeDirectives.status).toBe(422);
      expect(beforeDirectives.body.code).toBe("NO_DIRECTIVE_IN_FORCE");
      const byManager = await api("POST", "/api/v1/cases", {
        session: sessions.parisManager,
        body: {
          person,
          channel: "partner_referral",
          requestedOn: "2024-11-04",
          consent: CONSENT,
          counsellorUserId: sessions.parisCounsellor.userId,
        },
      });
      expect(byManager.status).toBe(201);
      expect(byManager.body).toMatchObject({
        channel: "partner_referral",
        counsellor: { id: sessions.parisCounsellor.userId },
      });
      const unassigned = await api("POST", "/api/v1/cases", {
        session: sessions.parisManager,
        body: { person, channel: "visit", requestedOn: "2024-11-05", consent: CONSENT },
      });
      expect(unassigned.body.counsellor).toBeNull();
    });

    it("pages through the caseload with a cursor: every case exactly once, in a stable order", async () => {
      const lyon = sessions.lyonCounsellor;
      const created = new Set<string>();
      for (const requestedOn of [
        "2024-01-10",
        "2024-01-10",
        "2024-01-10",
        "2024-02-01",
        "2023-12-24",
        "2024-02-01",
        "2024-03-03",
      ]) {
        const opened = await openCase(
          requestedOn,
          { firstName: "Page", lastName: "Test", phone: "0400000000" },
          lyon,
        );
        created.add(opened.body.id);
      }
      const all = await api<{ items: { id: string }[] }>("GET", "/api/v1/cases?limit=100", { session: lyon });
      const seen: string[] = [];
      const order: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: ApiResponse<{ items: { id: string; requestedOn: string }[]; nextCursor: string | null }> =
          await api("GET", `/api/v1/cases?limit=2${cursor === null ? "" : `&cursor=${cursor}`}`, {
            session: lyon,
          });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item) => item.id));
        order.push(...page.body.items.map((item) => item.requestedOn));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 50);
      expect(seen).toHaveLength(new Set(seen).size);
      expect(seen).toEqual(all.body.items.map((item) => item.id));
      for (const id of created) expect(seen).toContain(id);
      expect(order).toEqual([...order].sort().reverse());

      const tampered = await api<Problem>("GET", "/api/v1/cases?cursor=bm90LWEtY3Vyc29y", { session: lyon });
      expect(tampered.status).toBe(400);
      expect(tampered.body.errors?.[0]?.path).toBe("/cursor");
      const unassigned = await api<{ items: unknown[] }>("GET", "/api/v1/cases?counsellor=none", {
        session: lyon,
      });
      expect(unassigned.status).toBe(200);
      const mine = await api<{ items: { counsellor: { id: string } }[] }>(
        "GET",
        `/api/v1/cases?counsellor=${lyon.userId}&status=request_received&status=closed`,
        { session: lyon },
      );
      expect(mine.body.items.length).toBeGreaterThanOrEqual(created.size);
      expect(new Set(mine.body.items.map((item) => item.counsellor.id))).toEqual(new Set([lyon.userId]));
    });

    it("answers hostile search and filter values with 200 or 400, never 500, and leaks nothing", async () => {
      const lyon = sessions.lyonCounsellor;
      const hostile = [
        "' OR '1'='1",
        "'; DROP TABLE cases; --",
        "%",
        "_",
        "\\",
        "%' OR 1=1 --",
        '" OR ""="',
        "ASD-%",
        "1; SELECT pg_sleep(5)",
        "\u0000",
        "é".repeat(100),
      ];
      for (const value of hostile) {
        for (const parameter of [
          "q",
          "status",
          "counsellor",
          "cursor",
          "nextAppointmentBefore",
          "overdue",
          "limit",
        ]) {
          const response = await api<{ items?: { organisation?: unknown; id: string }[] }>(
            "GET",
            `/api/v1/cases?${parameter}=${encodeURIComponent(value)}`,
            { session: lyon },
          );
          expect([200, 400], `${parameter}=${value}`).toContain(response.status);
          if (response.status === 200 && parameter === "q") {
            // Wildcards are literal: no Lyon case has them in a name or a reference.
            expect(response.body.items, `${parameter}=${value}`).toEqual([]);
          }
        }
      }
      const stillThere = await api<{ items: unknown[] }>("GET", "/api/v1/cases?limit=1", { session: lyon });
      expect(stillThere.status).toBe(200);
      expect(stillThere.body.items).toHaveLength(1);
    });

    it("records in the audit trail who read and who changed a case, without personal data", async () => {
      const opened = await openCase("2024-10-01", {
        firstName: "Auditée",
        lastName: "Zéphyrine",
        phone: "0699887766",
      });
      const id = opened.body.id;
      await run(id, opened.etag, [["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2024-10-02" }]]);
      await api("GET", `/api/v1/cases/${id}`, { session: sessions.parisManager });
      const entries = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetType, "case"), eq(auditEvents.targetId, id)));
      const actions = entries.map((entry) => `${entry.action} ${entry.actorUserId}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          `case.created ${sessions.parisCounsellor.userId}`,
          `case.assessEligibility ${sessions.parisCounsellor.userId}`,
          `case.read ${sessions.parisManager.userId}`,
        ]),
      );
      const text = JSON.stringify(entries);
      expect(text).not.toContain("Zéphyrine");
      expect(text).not.toContain("0699887766");
    });

    it("lists the case routes in the OpenAPI document", async () => {
      const document = await api<{
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      }>("GET", "/api/v1/openapi.json");
      for (const path of [
        "/api/v1/requests",
        "/api/v1/cases",
        "/api/v1/cases/{id}",
        "/api/v1/cases/{id}/timeline",
        "/api/v1/cases/{id}/eligibility",
        "/api/v1/cases/{id}/decision",
        "/api/v1/cases/{id}/engagement/waive",
        "/api/v1/cases/{id}/close",
        "/api/v1/cases/{id}/assign",
        "/api/v1/cases/{id}/referrals",
        "/api/v1/referrals",
      ]) {
        expect(document.body.paths, path).toHaveProperty([path]);
      }
      expect(Object.keys(document.body.components.schemas)).toEqual(
        expect.arrayContaining(["PublicRequest", "CaseDetail", "CaseSummary", "EligibilityStep"]),
      );
    });

    it("never writes the people's data to the logs", () => {
      const logs = logLines.join("\n");
      expect(logLines.length).toBeGreaterThan(0);
      for (const person of Object.values(PEOPLE)) {
        for (const value of [
          person.firstName,
          person.lastName,
          person.email,
          person.phone,
          person.birthDate,
        ]) {
          expect(logs).not.toContain(value);
        }
      }
      for (const value of [
        SUMMARY_2021,
        SUMMARY_2025,
        "Héloïse",
        "heloise.dupre",
        "Hospitalisée",
        "+33671829304",
      ]) {
        expect(logs).not.toContain(value);
      }
    });
  });
}
