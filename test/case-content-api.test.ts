// A case's content through the HTTP API, on a real server and a real database (both kinds): the diagnosis
// and its « reste à vivre », sensitive topics readable only by the counsellor in charge and the manager and
// stored encrypted, the action plan (Logement d'Abord guard, rental-service notice, overdue actions, a
// partner updating only the actions assigned to it), appointments, closure outcomes and the one-time
// satisfaction survey; every change on the timeline and in the audit trail, no sensitive text in the logs.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL_DOMAIN } from "../src/core/access/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { appointments, auditEvents, diagnoses, organisations, surveys } from "../src/db/schema/index.ts";
import {
  type ApiResponse,
  call,
  type DEMO_USERS,
  ELIGIBLE_FACTS,
  type Session,
  signIn,
  signInAll,
} from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { addDemoAccount, openDemoDatabase, organisationIdNamed } from "./support/demoDatabase.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const TODAY = todayInParis();
const parisDay = (offsetDays: number) => todayInParis(new Date(Date.now() + offsetDays * 86_400_000));
const REQUESTED_ON = parisDay(-20);
const CONSENT = { processing: true, noticeVersion: "2025-11" };

// Sensitive texts of this suite: they must never be readable in the database, the logs, or by a colleague.
const HEALTH = "Suivi psychiatrique depuis mars, traitement lourd (Zyprexa).";
const VIOLENCE = "Violences conjugales : main courante déposée au commissariat de Bobigny.";
const NOTES = "Ne jamais appeler sur le portable de Monsieur Quintavalle.";
const APPOINTMENT_NOTES = "Entretien difficile : évoque la garde des enfants Yanis et Maëlle.";

const DIAGNOSIS = {
  household: [
    { relation: "beneficiary", age: 41, dependant: false },
    { relation: "partner", age: 39, dependant: false },
    { relation: "child", age: 9, dependant: true },
    { relation: "child", age: 15, dependant: true },
  ],
  income: [
    { kind: "salary", monthlyCents: 185_012 },
    { kind: "housing_benefit", monthlyCents: 21_050 },
    { kind: "family_benefits", monthlyCents: 14_899 },
  ],
  expenses: [
    { kind: "rent", monthlyCents: 98_000 },
    { kind: "energy", monthlyCents: 13_507 },
    { kind: "debt_repayment", monthlyCents: 25_000, label: "Crédit auto" },
  ],
  debts: [
    {
      kind: "rent_arrears",
      creditor: "Paris Habitat",
      amountCents: 294_000,
      arrearsCents: 294_000,
      stage: "summons",
    },
  ],
  housing: {
    occupancy: "tenant",
    monthlyCostCents: 98_000,
    landlordType: "social",
    procedure: { kind: "eviction", stage: "summons" },
  },
  employment: {
    activity: "employee",
    contractType: "permanent",
    workingTime: "full_time",
    since: "2019-01-01",
  },
  sensitive: { health: HEALTH, violence: VIOLENCE, notes: NOTES },
};
// 185 012 + 21 050 + 14 899 − (98 000 + 13 507 + 25 000) = 84 454 cents; units 1 + 0.5 + 0.3 + 0.5 = 2.3.
const REMAINING = 84_454;
const PER_UNIT = 36_719; // 84 454 ÷ 2.3 = 36 719.13…

type Problem = {
  code: string;
  detail: string;
  clause?: string;
  errors?: { path: string; code: string }[];
};
type DiagnosisView = {
  diagnosis: typeof DIAGNOSIS & { sensitive?: unknown };
  budget: {
    remainingIncomeCents: number;
    remainingIncomePerUnitCents: number;
    consumptionUnitTenths: number;
  };
  sensitiveHidden: boolean;
  diagnosedOn: string;
};
type ActionView = {
  id: string;
  kind: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  version: number;
  outcome: string | null;
  notice: { text: string; clause?: string } | null;
  partnerOrganisation: { id: string } | null;
};

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "A case's content over HTTP"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    const sessions = {} as Record<keyof typeof DEMO_USERS | "parisColleague", Session>;
    let caseId = "";
    let etag = "";
    let partnerId = "";

    const api = <T = Record<string, unknown>>(
      method: string,
      path: string,
      options: { session?: Session; body?: unknown; ifMatch?: string | null } = {},
    ): Promise<ApiResponse<T>> => call<T>(server.url, method, path, options);

    async function step(path: string, body: unknown): Promise<void> {
      const response = await api("POST", `/api/v1/cases/${caseId}/${path}`, {
        session: sessions.parisCounsellor,
        body,
        ifMatch: etag,
      });
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      etag = response.etag ?? "";
    }

    async function currentEtag(): Promise<string> {
      const read = await api("GET", `/api/v1/cases/${caseId}`, { session: sessions.parisCounsellor });
      return read.etag ?? "";
    }

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      // A second counsellor of the Paris agency: reads the agency's cases, not their sensitive topics.
      const [partner] = await database.db.drizzle
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.kind, "partner"));
      partnerId = partner?.id ?? "";
      await addDemoAccount(database.db, {
        email: `collegue.paris@${DEMO_EMAIL_DOMAIN}`,
        role: "counsellor",
        organisationId: await organisationIdNamed(database.db, "Agence de Paris"),
      });
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000 },
      });
      Object.assign(sessions, await signInAll(server.url));
      sessions.parisColleague = await signIn(server.url, `collegue.paris@${DEMO_EMAIL_DOMAIN}`);

      const created = await api<{ id: string }>("POST", "/api/v1/cases", {
        session: sessions.parisCounsellor,
        body: {
          person: { firstName: "Romane", lastName: "Quintavalle", phone: "0611223344" },
          channel: "phone",
          requestedOn: REQUESTED_ON,
          consent: CONSENT,
        },
      });
      expect(created.status).toBe(201);
      caseId = created.body.id;
      etag = created.etag ?? "";
      await step("eligibility", { situation: ELIGIBLE_FACTS, assessedOn: REQUESTED_ON });
      await step("decision", { decision: "admit" });
    }, 240_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it("refuses a diagnosis before the diagnosis has started (409, in French)", async () => {
      const early = await api<Problem>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisCounsellor,
        body: DIAGNOSIS,
        ifMatch: etag,
      });
      expect(early.status).toBe(409);
      expect(early.contentType).toMatch(PROBLEM_JSON);
      expect(early.body.detail).toContain("« admis »");
      await step("diagnosis/start", {});
    });

    it("records the diagnosis and computes the reste à vivre exactly, per month and per consumption unit", async () => {
      const without = await api<Problem>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisCounsellor,
        body: DIAGNOSIS,
      });
      expect(without.status).toBe(428);
      const stale = await api<Problem>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisCounsellor,
        body: DIAGNOSIS,
        ifMatch: '"1"',
      });
      expect(stale.status).toBe(412);

      const saved = await api<DiagnosisView>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisCounsellor,
        body: DIAGNOSIS,
        ifMatch: etag,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.etag).not.toBe(etag);
      etag = saved.etag ?? "";
      expect(saved.body.budget).toMatchObject({
        remainingIncomeCents: REMAINING,
        consumptionUnitTenths: 23,
        remainingIncomePerUnitCents: PER_UNIT,
      });
      expect(saved.body.diagnosedOn).toBe(TODAY);

      const read = await api<DiagnosisView>("GET", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisCounsellor,
      });
      expect(read.status).toBe(200);
      expect(read.etag).toBe(etag);
      expect(read.body.diagnosis).toEqual(DIAGNOSIS);
      expect(read.body.sensitiveHidden).toBe(false);
    });

    it("refuses inconsistent or malformed diagnoses with the field at fault (400), money only in whole cents", async () => {
      const cases: [unknown, string][] = [
        [
          { ...DIAGNOSIS, debts: [{ ...DIAGNOSIS.debts[0], arrearsCents: 294_001 }] },
          "/debts/0/arrearsCents",
        ],
        [
          {
            ...DIAGNOSIS,
            housing: { occupancy: "owner", procedure: { kind: "eviction", stage: "judgment" } },
          },
          "/housing/procedure/kind",
        ],
        [{ ...DIAGNOSIS, income: [{ kind: "salary", monthlyCents: 1850.12 }] }, "/income/0/monthlyCents"],
        [{ ...DIAGNOSIS, expenses: [{ kind: "rent", monthlyCents: -1 }] }, "/expenses/0/monthlyCents"],
        [{ ...DIAGNOSIS, household: [{ relation: "child", age: 4, dependant: true }] }, "/household"],
      ];
      for (const [body, path] of cases) {
        const refused = await api<Problem>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
          session: sessions.parisCounsellor,
          body,
          ifMatch: etag,
        });
        expect(refused.status, path).toBe(400);
        expect(refused.contentType).toMatch(PROBLEM_JSON);
        expect(refused.body.errors?.map((error) => error.path)).toContain(path);
      }
      expect(await currentEtag()).toBe(etag);
    });

    it("shows the sensitive topics to the manager, never to another counsellor of the agency nor to a partner", async () => {
      const manager = await api<DiagnosisView>("GET", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisManager,
      });
      expect(manager.body.diagnosis.sensitive).toEqual(DIAGNOSIS.sensitive);

      const colleague = await api<DiagnosisView>("GET", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisColleague,
      });
      expect(colleague.status).toBe(200);
      expect(colleague.body.sensitiveHidden).toBe(true);
      expect(colleague.body.diagnosis).not.toHaveProperty("sensitive");
      expect(colleague.body.budget.remainingIncomeCents).toBe(REMAINING);
      const text = JSON.stringify(colleague.body);
      for (const secret of [HEALTH, VIOLENCE, NOTES]) expect(text).not.toContain(secret);

      const colleagueWrite = await api<Problem>("PUT", `/api/v1/cases/${caseId}/diagnosis`, {
        session: sessions.parisColleague,
        body: DIAGNOSIS,
        ifMatch: etag,
      });
      expect(colleagueWrite.status).toBe(403);
      expect(
        (await api("GET", `/api/v1/cases/${caseId}/diagnosis`, { session: sessions.lyonCounsellor })).status,
      ).toBe(404);
      expect(
        (await api("GET", `/api/v1/cases/${caseId}/diagnosis`, { session: sessions.partnerWorker })).status,
      ).toBe(403);
      expect(
        (await api("GET", `/api/v1/cases/${caseId}/diagnosis`, { session: sessions.admin })).status,
      ).toBe(403);
    });

    it("stores the sensitive topics encrypted: the table holds no plain text of them", async () => {
      const [row] = await database.db.drizzle.select().from(diagnoses).where(eq(diagnoses.caseId, caseId));
      expect(row?.sensitive).toMatch(/^v1\.[0-9a-f]{8}\./);
      const stored = JSON.stringify(row);
      for (const secret of [HEALTH, VIOLENCE, NOTES, "Zyprexa", "Bobigny", "Quintavalle"]) {
        expect(stored).not.toContain(secret);
      }
      // The structured part stays readable in the database (statistics), the sensitive part does not.
      expect(stored).toContain("Paris Habitat");
    });

    it("audits every read of the diagnosis and puts the change on the timeline", async () => {
      const reads = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "case.diagnosis_read"), eq(auditEvents.targetId, caseId)));
      expect(reads.length).toBe(3);
      expect(reads.map((read) => read.details.sensitive).sort()).toEqual([false, true, true]);
      const timeline = await api<{ items: { type: string; data: Record<string, unknown> }[] }>(
        "GET",
        `/api/v1/cases/${caseId}/timeline`,
        { session: sessions.parisColleague },
      );
      const recorded = timeline.body.items.find((item) => item.type === "diagnosis_recorded");
      expect(recorded?.data).toMatchObject({ first: true });
      expect(JSON.stringify(timeline.body)).not.toContain(HEALTH);
    });

    it("refuses Logement d'Abord support for a tenant, citing the 2025 clause, and warns on the rental service", async () => {
      const housingFirst = await api<Problem>("POST", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisCounsellor,
        body: {
          kind: "housing_first",
          title: "Recherche de logement adapté",
          owner: "counsellor",
          dueOn: TODAY,
        },
        ifMatch: etag,
      });
      expect(housingFirst.status).toBe(409);
      expect(housingFirst.body).toMatchObject({
        code: "HOUSING_FIRST_HAS_HOUSING",
        clause: "PP_SERV_ASD_2_DIR/principes/9",
      });

      const rental = await api<ActionView>("POST", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisCounsellor,
        body: {
          kind: "rental_service",
          title: "Lever les freins à l'attribution",
          owner: "counsellor",
          dueOn: parisDay(10),
        },
        ifMatch: etag,
      });
      expect(rental.status, JSON.stringify(rental.body)).toBe(201);
      expect(rental.body.notice?.text).toContain("aucun accès prioritaire au logement");
      expect(rental.body.notice?.clause).toBe("PP_SERV_ASD_2_DIR/principes/8");
      etag = await currentEtag();
    });

    it("shows overdue actions, and lets a partner update only the actions assigned to its organisation", async () => {
      const notReferred = await api<Problem>("POST", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisCounsellor,
        body: {
          kind: "partner_referral",
          title: "Accompagnement budgétaire",
          owner: "partner",
          partnerOrganisationId: partnerId,
          dueOn: parisDay(-3),
        },
        ifMatch: etag,
      });
      expect(notReferred.status).toBe(409);
      await step("referrals", { partnerOrganisationId: partnerId });

      const fsl = await api<ActionView>("POST", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisCounsellor,
        body: {
          kind: "external_aid",
          externalAid: "fsl",
          title: "Dossier FSL",
          owner: "beneficiary",
          dueOn: parisDay(-2),
        },
        ifMatch: etag,
      });
      expect(fsl.status).toBe(201);
      etag = await currentEtag();
      const referral = await api<ActionView>("POST", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisCounsellor,
        body: {
          kind: "partner_referral",
          title: "Accompagnement budgétaire",
          owner: "partner",
          partnerOrganisationId: partnerId,
          dueOn: parisDay(-3),
        },
        ifMatch: etag,
      });
      expect(referral.status, JSON.stringify(referral.body)).toBe(201);
      etag = await currentEtag();

      const listed = await api<{ items: ActionView[] }>("GET", `/api/v1/cases/${caseId}/actions`, {
        session: sessions.parisColleague,
      });
      expect(listed.body.items.map((item) => [item.kind, item.overdue, item.daysOverdue])).toEqual([
        ["partner_referral", true, 3],
        ["external_aid", true, 2],
        ["rental_service", false, 0],
      ]);
      const caseload = await api<{ items: { id: string; overdueActions: number }[] }>(
        "GET",
        "/api/v1/cases?overdue=true",
        { session: sessions.parisCounsellor },
      );
      expect(caseload.body.items.find((item) => item.id === caseId)?.overdueActions).toBe(2);

      const partnerList = await api<{ items: ActionView[] }>("GET", `/api/v1/referrals/${caseId}/actions`, {
        session: sessions.partnerWorker,
      });
      expect(partnerList.body.items.map((item) => item.id)).toEqual([referral.body.id]);
      const notTheirs = await api<Problem>("PATCH", `/api/v1/referrals/${caseId}/actions/${fsl.body.id}`, {
        session: sessions.partnerWorker,
        body: { status: "in_progress" },
        ifMatch: `"${fsl.body.version}"`,
      });
      expect(notTheirs.status).toBe(404);
      const noMatch = await api<Problem>("PATCH", `/api/v1/referrals/${caseId}/actions/${referral.body.id}`, {
        session: sessions.partnerWorker,
        body: { status: "in_progress" },
      });
      expect(noMatch.status).toBe(428);
      const unfinished = await api<Problem>(
        "PATCH",
        `/api/v1/referrals/${caseId}/actions/${referral.body.id}`,
        {
          session: sessions.partnerWorker,
          body: { status: "done" },
          ifMatch: referral.etag,
        },
      );
      expect(unfinished.status).toBe(400);
      expect(unfinished.body.errors?.[0]?.path).toBe("/outcome");
      const done = await api<ActionView>("PATCH", `/api/v1/referrals/${caseId}/actions/${referral.body.id}`, {
        session: sessions.partnerWorker,
        body: { status: "done", outcome: "Budget établi avec la famille." },
        ifMatch: referral.etag,
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ status: "done", overdue: false, version: 2 });
      const again = await api<Problem>("PATCH", `/api/v1/referrals/${caseId}/actions/${referral.body.id}`, {
        session: sessions.partnerWorker,
        body: { status: "cancelled", outcome: "x" },
        ifMatch: referral.etag,
      });
      expect(again.status).toBe(412);
      const finished = await api<Problem>("PATCH", `/api/v1/cases/${caseId}/actions/${referral.body.id}`, {
        session: sessions.parisCounsellor,
        body: { status: "in_progress" },
        ifMatch: done.etag,
      });
      expect(finished.status).toBe(409);
      expect(finished.body.code).toBe("ACTION_FINISHED");
      const lyon = await api("GET", `/api/v1/referrals/${caseId}/actions`, {
        session: sessions.lyonCounsellor,
      });
      expect(lyon.status).toBe(403);

      const timeline = await api<{ items: { type: string; data: Record<string, unknown> }[] }>(
        "GET",
        `/api/v1/cases/${caseId}/timeline`,
        { session: sessions.parisCounsellor },
      );
      expect(timeline.body.items.filter((item) => item.type === "action_added")).toHaveLength(3);
      expect(timeline.body.items.find((item) => item.type === "action_updated")?.data).toMatchObject({
        actionId: referral.body.id,
        status: "done",
        byPartnerOrganisationId: partnerId,
      });
      etag = await currentEtag();
    });

    it("records appointments with encrypted notes that only the counsellor in charge and the manager read", async () => {
      const at = `${parisDay(-10)}T09:30:00+01:00`;
      const created = await api<{ id: string; notes?: string }>(
        "POST",
        `/api/v1/cases/${caseId}/appointments`,
        {
          session: sessions.parisCounsellor,
          body: { at, channel: "visit", notes: APPOINTMENT_NOTES },
          ifMatch: etag,
        },
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.notes).toBe(APPOINTMENT_NOTES);
      etag = created.etag ?? "";
      const tooEarly = await api<Problem>("POST", `/api/v1/cases/${caseId}/appointments`, {
        session: sessions.parisCounsellor,
        body: { at: `${parisDay(-40)}T09:30:00+01:00`, channel: "phone" },
        ifMatch: etag,
      });
      expect(tooEarly.status).toBe(400);
      const colleague = await api<{ items: { notes?: string }[]; sensitiveHidden: boolean }>(
        "GET",
        `/api/v1/cases/${caseId}/appointments`,
        { session: sessions.parisColleague },
      );
      expect(colleague.body.sensitiveHidden).toBe(true);
      expect(colleague.body.items[0]).not.toHaveProperty("notes");
      const [row] = await database.db.drizzle
        .select()
        .from(appointments)
        .where(eq(appointments.caseId, caseId));
      expect(row?.notes).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain("Yanis");
    });

    it("after closure: outcome indicators, quality durations and a survey link that works once", async () => {
      const early = await api<Problem>("POST", `/api/v1/cases/${caseId}/survey`, {
        session: sessions.parisCounsellor,
        ifMatch: etag,
      });
      expect(early.status).toBe(409);
      await step("close", { reason: "abandoned", on: TODAY });

      const outcome = await api("PUT", `/api/v1/cases/${caseId}/outcome`, {
        session: sessions.parisCounsellor,
        body: { indicators: ["housing_kept", "eviction_avoided"] },
        ifMatch: etag,
      });
      expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
      etag = outcome.etag ?? "";
      const duplicate = await api<Problem>("PUT", `/api/v1/cases/${caseId}/outcome`, {
        session: sessions.parisCounsellor,
        body: { indicators: ["housing_kept", "housing_kept"] },
        ifMatch: etag,
      });
      expect(duplicate.status).toBe(400);

      const link = await api<{ token: string; path: string }>("POST", `/api/v1/cases/${caseId}/survey`, {
        session: sessions.parisCounsellor,
        ifMatch: etag,
      });
      expect(link.status).toBe(201);
      const [stored] = await database.db.drizzle.select().from(surveys).where(eq(surveys.caseId, caseId));
      expect(stored?.tokenHash).not.toContain(link.body.token);
      // The counsellor hands the person the web page; the page talks to the API behind it.
      expect(link.body.path).toBe(`/questionnaire/${link.body.token}`);
      const surveyPath = `/api/v1/surveys/${link.body.token}`;

      const form = await api<{ agency: string; ratings: unknown[] }>("GET", surveyPath);
      expect(form.status).toBe(200);
      expect(form.body.agency).toBe("Agence de Paris");
      expect(JSON.stringify(form.body)).not.toContain("Quintavalle");
      const badRating = await api<Problem>("POST", surveyPath, { body: { rating: 6 } });
      expect(badRating.status).toBe(400);
      const answered = await api("POST", surveyPath, {
        body: { rating: 4, comment: "Merci pour votre écoute." },
      });
      expect(answered.status).toBe(204);
      const twice = await api<Problem>("POST", surveyPath, { body: { rating: 1 } });
      expect(twice.status).toBe(410);
      expect((await api("GET", surveyPath)).status).toBe(410);
      expect((await api("GET", "/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(
        404,
      );

      const quality = await api<Record<string, unknown>>("GET", `/api/v1/cases/${caseId}/quality`, {
        session: sessions.parisManager,
      });
      expect(quality.body).toMatchObject({
        outcomes: { indicators: ["housing_kept", "eviction_avoided"] },
        durations: { toFirstContact: 10, toDiagnosis: 20, toClosure: 20 },
        survey: { sent: true, answered: true, rating: 4 },
      });
    });

    it("lists the content routes and payloads in the OpenAPI document", async () => {
      const document = await api<{
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      }>("GET", "/api/v1/openapi.json");
      for (const path of [
        "/api/v1/cases/{id}/diagnosis",
        "/api/v1/cases/{id}/actions",
        "/api/v1/cases/{id}/actions/{actionId}",
        "/api/v1/referrals/{id}/actions/{actionId}",
        "/api/v1/cases/{id}/appointments",
        "/api/v1/cases/{id}/outcome",
        "/api/v1/cases/{id}/quality",
        "/api/v1/surveys/{token}",
      ]) {
        expect(document.body.paths, path).toHaveProperty([path]);
      }
      expect(Object.keys(document.body.components.schemas)).toEqual(
        expect.arrayContaining(["Diagnosis", "Budget", "ActionInput", "AppointmentInput", "SurveyAnswer"]),
      );
    });

    it("writes no sensitive text to the logs", () => {
      const logs = logLines.join("\n");
      for (const secret of [HEALTH, VIOLENCE, NOTES, APPOINTMENT_NOTES, "Zyprexa", "Quintavalle", "Yanis"]) {
        expect(logs).not.toContain(secret);
      }
    });
  });
}
