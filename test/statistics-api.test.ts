// A manager's statistics and the agency's counsellors over HTTP, on a real server and both databases. The
// suite creates its own cases through the API (channels, dates, decisions, appointments, diagnosis,
// closures, outcomes, survey answers) and checks every figure against what it did: never against the
// code's own output. Another agency's manager sees only their figures; other roles are refused; bad
// periods answer 400 with the field at fault.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL_DOMAIN } from "../src/core/access/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { call, type DEMO_USERS, ELIGIBLE_FACTS, type Session, signIn, signInAll } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { addDemoAccount, openDemoDatabase, organisationIdNamed } from "./support/demoDatabase.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const TODAY = todayInParis();
const CONSENT = { processing: true, noticeVersion: "2025-11" };
const LYON_MANAGER = `manager.lyon@${DEMO_EMAIL_DOMAIN}`;

/** The Europe/Paris day `offset` days from today. */
function parisDay(offset: number): string {
  const [year, month, day] = TODAY.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
}

// Fictitious people: their names must reach neither the statistics nor the logs.
const LAST_NAMES = ["Quemeneur", "Oudinot", "Ravaillac-Test", "Sauzay", "Trebuchet", "Ubersfeld"];

type Statistics = {
  period: { from: string; to: string };
  opened: {
    total: number;
    byChannel: Record<string, number>;
    byDirective: { directive: string; count: number }[];
    byMonth: { month: string; total: number; byChannel: Record<string, number> }[];
  };
  decisions: { byKind: { kind: string; count: number }[] };
  current: {
    byStatus: { status: string; count: number }[];
    openCases: number;
    unassignedOpenCases: number;
    overdueActions: number;
    casesWithOverdueActions: number;
  };
  counsellors: { id: string; displayName: string; openCases: number; overdueActions: number }[];
  quality: Record<
    "toFirstContact" | "toDiagnosis" | "toClosure",
    { count: number; median: number | null; p90: number | null }
  >;
  closures: {
    total: number;
    byReason: { reason: string; count: number }[];
    byOutcome: { outcome: string; count: number }[];
  };
  survey: { answered: number; byRating: { rating: number; count: number }[] };
};
type Problem = { code: string; status: number; errors?: { path: string; code: string }[] };

const DIAGNOSIS = {
  household: [{ relation: "beneficiary", age: 44, dependant: false }],
  income: [{ kind: "salary", monthlyCents: 160_000 }],
  expenses: [{ kind: "rent", monthlyCents: 70_000 }],
  debts: [],
  housing: { occupancy: "tenant", monthlyCostCents: 70_000, landlordType: "private" },
  employment: {
    activity: "employee",
    contractType: "permanent",
    workingTime: "full_time",
    since: "2018-01-01",
  },
};

const countOf = <T extends Record<string, unknown>>(rows: T[], key: keyof T, value: unknown) =>
  (rows.find((row) => row[key] === value)?.count as number | undefined) ?? 0;

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Manager statistics over HTTP"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    let sessions: Record<keyof typeof DEMO_USERS, Session>;
    let lyonManager: Session;
    // What this suite did, from which the expected figures are computed.
    const opened: { requestedOn: string; channel: string; directive: string }[] = [];

    const api = <T = Record<string, unknown>>(
      method: string,
      path: string,
      options: { session?: Session; body?: unknown; ifMatch?: string | null } = {},
    ) => call<T>(server.url, method, path, options);

    /** Opens a case as `session` and returns its id and ETag. */
    async function openCase(
      session: Session,
      channel: string,
      requestedOn: string,
      directive = "PP_SERV_ASD_2_DIR",
    ): Promise<{ id: string; etag: string }> {
      const lastName = LAST_NAMES[opened.length % LAST_NAMES.length] as string;
      const created = await api<{ id: string }>("POST", "/api/v1/cases", {
        session,
        body: {
          person: { firstName: "Test", lastName, phone: "0600000000" },
          channel,
          requestedOn,
          consent: CONSENT,
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      if (session === sessions.parisCounsellor) opened.push({ requestedOn, channel, directive });
      return { id: created.body.id, etag: created.etag ?? "" };
    }

    /** Sends one change with the case's ETag; returns the case's new ETag. */
    async function change(
      caseId: string,
      etag: string,
      method: string,
      path: string,
      body: unknown,
      session = sessions.parisCounsellor,
    ): Promise<string> {
      const response = await api(method, `/api/v1/cases/${caseId}${path}`, { session, body, ifMatch: etag });
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
      // Content routes answer their own ETag (an action's): read the case's afresh.
      return (await api("GET", `/api/v1/cases/${caseId}`, { session })).etag ?? "";
    }

    async function answerSurvey(caseId: string, etag: string, rating: number): Promise<void> {
      const link = await api<{ token: string }>("POST", `/api/v1/cases/${caseId}/survey`, {
        session: sessions.parisCounsellor,
        ifMatch: etag,
      });
      expect(link.status).toBe(201);
      expect((await api("POST", `/api/v1/surveys/${link.body.token}`, { body: { rating } })).status).toBe(
        204,
      );
    }

    const statistics = (session: Session, query = "") =>
      api<Statistics & Problem>("GET", `/api/v1/statistics${query}`, { session });

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      await addDemoAccount(database.db, {
        email: LYON_MANAGER,
        role: "manager",
        organisationId: await organisationIdNamed(database.db, "Agence de Lyon"),
      });
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000 },
        rateLimits: { requests: { max: 10_000, timeWindow: "1 minute" } },
      });
      sessions = await signInAll(server.url);
      lyonManager = await signIn(server.url, LYON_MANAGER);
      const counsellor = sessions.parisCounsellor;

      // A: by phone 20 days ago; admitted; first contact 2 days later; diagnosed today; closed today
      // (abandoned), housing kept, rated 5.
      const a = await openCase(counsellor, "phone", parisDay(-20));
      let tag = await change(a.id, a.etag, "POST", "/eligibility", { situation: ELIGIBLE_FACTS });
      tag = await change(a.id, tag, "POST", "/decision", { decision: "admit" });
      tag = await change(a.id, tag, "POST", "/diagnosis/start", {});
      tag = await change(a.id, tag, "PUT", "/diagnosis", DIAGNOSIS);
      tag = await change(a.id, tag, "POST", "/appointments", {
        at: `${parisDay(-18)}T10:00:00+01:00`,
        channel: "visit",
      });
      tag = await change(a.id, tag, "POST", "/close", { reason: "abandoned", on: TODAY });
      tag = await change(a.id, tag, "PUT", "/outcome", { indicators: ["housing_kept"] });
      await answerSurvey(a.id, tag, 5);

      // B: at a visit 10 days ago; refused (with a motive, the person being eligible); closed today, rated 3.
      const b = await openCase(counsellor, "visit", parisDay(-10));
      tag = await change(b.id, b.etag, "POST", "/eligibility", { situation: ELIGIBLE_FACTS });
      tag = await change(b.id, tag, "POST", "/decision", {
        decision: "refuse",
        motive: "Déjà accompagné ailleurs.",
      });
      tag = await change(b.id, tag, "POST", "/close", { reason: "abandoned", on: TODAY });
      await answerSurvey(b.id, tag, 3);

      // E: referred by a partner 3 days ago; admitted; in diagnosis with an action overdue since yesterday
      // and a first contact 1 day after the request.
      const e = await openCase(counsellor, "partner_referral", parisDay(-3));
      tag = await change(e.id, e.etag, "POST", "/eligibility", { situation: ELIGIBLE_FACTS });
      tag = await change(e.id, tag, "POST", "/decision", { decision: "admit" });
      tag = await change(e.id, tag, "POST", "/diagnosis/start", {});
      tag = await change(e.id, tag, "POST", "/actions", {
        kind: "other",
        title: "Rassembler les quittances",
        owner: "beneficiary",
        dueOn: parisDay(-1),
      });
      await change(e.id, tag, "POST", "/appointments", {
        at: `${parisDay(-2)}T14:00:00+01:00`,
        channel: "phone",
      });

      // F: by phone in June 2025, judged under the 2021 directive, still waiting.
      await openCase(counsellor, "phone", "2025-06-10", "PP_EX_CPA_2_DIR");

      // C: the public form today: nobody in charge yet.
      const filed = await api("POST", "/api/v1/requests", {
        body: {
          person: {
            firstName: "Test",
            lastName: "Vuillermoz",
            email: "v@exemple-appui.test",
            postcode: "75011",
          },
          situationSummary: "Impayés de loyer.",
          consent: CONSENT,
        },
      });
      expect(filed.status).toBe(201);
      opened.push({ requestedOn: TODAY, channel: "web_form", directive: "PP_SERV_ASD_2_DIR" });

      // Lyon: one case by phone, which Paris must never count.
      await openCase(sessions.lyonCounsellor, "phone", parisDay(-4));
    }, 240_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it("counts the requests of the period per month, channel and directive", async () => {
      const from = parisDay(-30);
      const response = await statistics(sessions.parisManager, `?from=${from}&to=${TODAY}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const inPeriod = opened.filter((item) => item.requestedOn >= from);
      expect(response.body.period).toEqual({ from, to: TODAY });
      expect(response.body.opened.total).toBe(inPeriod.length);
      expect(response.body.opened.total).toBe(4);
      expect(response.body.opened.byChannel).toEqual({
        web_form: 1,
        phone: 1,
        visit: 1,
        partner_referral: 1,
      });
      expect(response.body.opened.byDirective).toEqual([{ directive: "PP_SERV_ASD_2_DIR", count: 4 }]);
      const months = [...new Set([from.slice(0, 7), TODAY.slice(0, 7)])].sort();
      expect(response.body.opened.byMonth.map((month) => month.month)).toEqual(months);
      for (const month of response.body.opened.byMonth) {
        const ofMonth = inPeriod.filter((item) => item.requestedOn.startsWith(month.month));
        expect(month.total).toBe(ofMonth.length);
        expect(month.byChannel.phone).toBe(ofMonth.filter((item) => item.channel === "phone").length);
      }
      expect(response.body.decisions.byKind).toEqual([
        { kind: "admitted", count: 2 },
        { kind: "refused", count: 1 },
        { kind: "redirected", count: 0 },
      ]);
    });

    it("splits a longer period between both directives and narrows to one day", async () => {
      const long = await statistics(sessions.parisManager, `?from=2025-06-01&to=${TODAY}`);
      expect(long.status).toBe(200);
      expect(long.body.opened.total).toBe(5);
      expect(long.body.opened.byDirective).toEqual([
        { directive: "PP_EX_CPA_2_DIR", count: 1 },
        { directive: "PP_SERV_ASD_2_DIR", count: 4 },
      ]);
      expect(long.body.opened.byMonth.find((month) => month.month === "2025-06")?.total).toBe(1);
      expect(long.body.opened.byMonth.find((month) => month.month === "2025-07")?.total).toBe(0);

      const today = await statistics(sessions.parisManager, `?from=${TODAY}&to=${TODAY}`);
      expect(today.body.opened.total).toBe(1);
      expect(today.body.opened.byChannel.web_form).toBe(1);
    });

    it("shows the caseload as of today: statuses, unassigned requests, overdue actions, each counsellor's load", async () => {
      const response = await statistics(sessions.parisManager);
      const current = response.body.current;
      expect(countOf(current.byStatus, "status", "request_received")).toBe(2);
      expect(countOf(current.byStatus, "status", "diagnosis")).toBe(1);
      expect(countOf(current.byStatus, "status", "closed")).toBe(2);
      expect(current.byStatus.reduce((sum, row) => sum + row.count, 0)).toBe(5);
      expect(current).toMatchObject({
        openCases: 3,
        unassignedOpenCases: 1,
        overdueActions: 1,
        casesWithOverdueActions: 1,
      });
      const claire = response.body.counsellors.find((row) => row.id === sessions.parisCounsellor.userId);
      expect(claire).toEqual({
        id: sessions.parisCounsellor.userId,
        displayName: expect.stringMatching(/^Claire Fontaine/),
        openCases: 2,
        overdueActions: 1,
      });
      expect(response.body.counsellors.map((row) => row.id)).not.toContain(sessions.lyonCounsellor.userId);
    });

    it("measures the quality: median and 90th percentile of the delays, closures, outcomes and survey answers", async () => {
      const response = await statistics(sessions.parisManager, `?from=${parisDay(-30)}&to=${TODAY}`);
      const { quality, closures, survey } = response.body;
      // First contacts after 2 days (A) and 1 day (E); diagnosis of A after 20; closures after 20 and 10.
      expect(quality.toFirstContact).toEqual({ count: 2, median: 1, p90: 2 });
      expect(quality.toDiagnosis).toEqual({ count: 1, median: 20, p90: 20 });
      expect(quality.toClosure).toEqual({ count: 2, median: 10, p90: 20 });
      expect(closures.total).toBe(2);
      expect(countOf(closures.byReason, "reason", "abandoned")).toBe(2);
      expect(countOf(closures.byReason, "reason", "resolved")).toBe(0);
      expect(countOf(closures.byOutcome, "outcome", "housing_kept")).toBe(1);
      expect(closures.byOutcome.reduce((sum, row) => sum + row.count, 0)).toBe(1);
      expect(survey).toEqual({
        answered: 2,
        byRating: [
          { rating: 1, count: 0 },
          { rating: 2, count: 0 },
          { rating: 3, count: 1 },
          { rating: 4, count: 0 },
          { rating: 5, count: 1 },
        ],
      });
      // Nothing personal in the figures.
      for (const name of [...LAST_NAMES, "Vuillermoz"])
        expect(JSON.stringify(response.body)).not.toContain(name);
    });

    it("shows another agency's manager their own figures only", async () => {
      const response = await statistics(lyonManager, `?from=${parisDay(-30)}&to=${TODAY}`);
      expect(response.status).toBe(200);
      expect(response.body.opened.total).toBe(1);
      expect(response.body.opened.byChannel.phone).toBe(1);
      expect(response.body.current.openCases).toBe(1);
      expect(response.body.closures.total).toBe(0);
      expect(response.body.survey.answered).toBe(0);
      expect(response.body.counsellors.map((row) => row.id)).toEqual([sessions.lyonCounsellor.userId]);
    });

    it("defaults to the twelve months up to today", async () => {
      const response = await statistics(sessions.parisManager);
      expect(response.body.period.to).toBe(TODAY);
      expect(response.body.period.from).toMatch(/-01$/);
      expect(response.body.opened.byMonth).toHaveLength(12);
      expect(response.body.opened.byMonth.at(-1)?.month).toBe(TODAY.slice(0, 7));
    });

    it("refuses bad periods with the field at fault", async () => {
      const cases: [string, string][] = [
        [`?from=${TODAY}&to=${parisDay(-1)}`, "/to"],
        ["?from=2024-01-01&to=2026-01-01", "/to"],
        ["?from=2026-02-30", "/from"],
        ["?from=demain", "/from"],
        ["?to=2026-1-5", "/to"],
        ["?employer=ACME", "/employer"],
      ];
      for (const [query, path] of cases) {
        const response = await statistics(sessions.parisManager, query);
        expect(response.status, query).toBe(400);
        expect(response.contentType).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe("validation_failed");
        expect(response.body.errors?.map((error) => error.path)).toContain(path);
      }
      expect((await statistics(sessions.parisManager, "?from=2024-12-01&to=2026-11-30")).status).toBe(200);
    });

    it("refuses every role but the manager, and anonymous callers", async () => {
      for (const role of [
        "parisCounsellor",
        "partnerWorker",
        "auditor",
        "admin",
        "budgetController",
      ] as const) {
        expect((await statistics(sessions[role])).status, role).toBe(403);
        expect((await api("GET", "/api/v1/statistics.csv", { session: sessions[role] })).status, role).toBe(
          403,
        );
        expect(
          (await api("GET", "/api/v1/agency/counsellors", { session: sessions[role] })).status,
          role,
        ).toBe(403);
      }
      expect((await api("GET", "/api/v1/statistics")).status).toBe(401);
      expect((await api("GET", "/api/v1/agency/counsellors")).status).toBe(401);
    });

    it("lists the agency's active counsellors with their open cases, for assignment", async () => {
      type Counsellors = { id: string; displayName: string; openCases: number }[];
      const paris = await api<Counsellors>("GET", "/api/v1/agency/counsellors", {
        session: sessions.parisManager,
      });
      expect(paris.status).toBe(200);
      expect(paris.body).toContainEqual({
        id: sessions.parisCounsellor.userId,
        displayName: expect.stringMatching(/^Claire Fontaine/),
        openCases: 2,
      });
      expect(paris.body.map((row) => row.id)).not.toContain(sessions.parisManager.userId);
      const lyon = await api<Counsellors>("GET", "/api/v1/agency/counsellors", { session: lyonManager });
      expect(lyon.body).toEqual([
        {
          id: sessions.lyonCounsellor.userId,
          displayName: expect.stringMatching(/^Karim Benali/),
          openCases: 1,
        },
      ]);
    });

    it("exports the same figures as CSV for a spreadsheet", async () => {
      const response = await fetch(`${server.url}/api/v1/statistics.csv?from=${parisDay(-30)}&to=${TODAY}`, {
        headers: { cookie: sessions.parisManager.cookie },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      const rows = parse(await response.text(), { bom: true, delimiter: ";", columns: true }) as Record<
        string,
        string
      >[];
      const value = (section: string, key: string) =>
        rows.find((row) => row.rubrique === section && row.clé === key)?.valeur;
      expect(value("portefeuille", "dossiers_ouverts")).toBe("3");
      expect(value("décisions", "admitted")).toBe("2");
      expect(value("délai_toClosure", "médiane_jours")).toBe("10");
      expect(value("satisfaction", "5")).toBe("1");
    });

    it("logs nothing personal", () => {
      const logs = logLines.join("\n");
      for (const name of [...LAST_NAMES, "Vuillermoz"]) expect(logs).not.toContain(name);
    });
  });
}
