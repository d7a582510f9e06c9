// Insecure direct object references, over real HTTP on both databases: every route bound to a case (cases,
// referrals, aids) × every role, signed in with the demo account of the Paris agency, of the partner or
// national, × a Paris resource and a Lyon resource of the demo caseload. A role the matrix refuses gets 403;
// an allowed role reaching a resource outside its scope gets the very 404 an unknown id gets (ids cannot be
// probed); inside its scope it gets past every check.
import { randomUUID } from "node:crypto";
import { and, eq, notExists, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { type Action, isAllowed, ROLES, type Role, scopeOf } from "../src/core/access/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { migrate } from "../src/db/migrate.ts";
import { caseActions, caseReferrals, cases, organisations, users } from "../src/db/schema/index.ts";
import { seedDemoData } from "../src/demo/accounts.ts";
import { seedDemoCases } from "../src/demo/cases.ts";
import { DEFAULT_AUTH_OPTIONS } from "../src/server/plugins/auth.ts";
import { createSession } from "../src/services/auth/sessions.ts";
import { createServiceContext } from "../src/services/context.ts";
import { call, DEMO_USERS, type Session, signIn } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { PNG_1PX } from "./support/files.ts";
import { DIRECTIVE_2025 } from "./support/financeFixtures.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const CONFIG = loadConfig({ LOG_LEVEL: "silent" });
const PROBLEM_JSON = /^application\/problem\+json/;

/** The account each role signs in with: the Paris one where the role belongs to an agency. */
const ACCOUNT_OF: Record<Role, string> = {
  counsellor: DEMO_USERS.parisCounsellor,
  manager: DEMO_USERS.parisManager,
  budget_controller: DEMO_USERS.budgetController,
  admin: DEMO_USERS.admin,
  auditor: DEMO_USERS.auditor,
  partner_worker: DEMO_USERS.partnerWorker,
};

/** Routes whose URL names a case, or something that belongs to one (an aid). */
const CASE_BOUND = /^\/api\/v1\/(cases|referrals|finance\/aids)\/:id(\/|$)/;

/**
 * Documented refusals of an allowed role on a resource inside its scope: an auditor reads a case's content only
 * under a written justification in force (src/server/routes/privacy/justifiedAccess.ts), and this walk
 * records none.
 */
const DOCUMENTED_IN_SCOPE_REFUSALS: Record<string, string> = {
  "GET /api/v1/cases/:id/justified-read": "justification_required",
  "GET /api/v1/cases/:id/justified-read/timeline": "justification_required",
};

const TODAY = todayInParis();
const DIAGNOSIS = {
  household: [{ relation: "beneficiary", age: 41, dependant: false }],
  income: [{ kind: "salary", monthlyCents: 185_012 }],
  expenses: [{ kind: "rent", monthlyCents: 98_000 }],
  debts: [],
  housing: { occupancy: "tenant", monthlyCostCents: 98_000, landlordType: "social" },
  employment: {
    activity: "employee",
    contractType: "permanent",
    workingTime: "full_time",
    since: "2019-01-01",
  },
};

/**
 * Schema-valid bodies for the routes whose body schema refuses `{}`: Fastify validates a body before the
 * handler runs, so with `{}` the scope check would never be reached and the walk would prove nothing. Sent
 * only where the resource is outside the caller's scope (and with an unknown id), so the walk never changes
 * a case it may reach. A valid body that got past a missing scope check would change the Lyon case: that is
 * what the walk looks for.
 */
const VALID_BODIES: Record<string, unknown> = {
  "POST /api/v1/cases/:id/decision": { decision: "admit" },
  "POST /api/v1/cases/:id/engagement/sign": { on: TODAY },
  "POST /api/v1/cases/:id/engagement/waive": { reason: "Injoignable", on: TODAY },
  "POST /api/v1/cases/:id/close": { reason: "abandoned", on: TODAY },
  "POST /api/v1/cases/:id/assign": { counsellorUserId: randomUUID() },
  "POST /api/v1/cases/:id/referrals": { partnerOrganisationId: randomUUID() },
  "PUT /api/v1/cases/:id/diagnosis": DIAGNOSIS,
  "POST /api/v1/cases/:id/actions": { kind: "other", title: "Relancer", owner: "counsellor", dueOn: TODAY },
  "PATCH /api/v1/cases/:id/actions/:actionId": { status: "in_progress" },
  "PATCH /api/v1/referrals/:id/actions/:actionId": { status: "in_progress" },
  "POST /api/v1/cases/:id/appointments": { at: `${TODAY}T10:00:00+01:00`, channel: "phone" },
  "PUT /api/v1/cases/:id/outcome": { indicators: ["housing_kept"] },
  "PATCH /api/v1/cases/:id/person": { firstName: "Intrus" },
  "POST /api/v1/cases/:id/erasure": { reason: "Retrait du consentement" },
  "POST /api/v1/finance/aids/:id/withdraw": { reason: "Retrait" },
};

interface Resource {
  agency: "paris" | "lyon";
  caseId: string;
  aidId: string;
  documentId: string;
  actionId: string;
}

function withoutRequestId(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _requestId, instance: _instance, ...rest } = body;
  return rest;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Another agency's resources"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const resources: Resource[] = [];
    const userIds = new Map<Role, string>();

    async function organisationId(name: string): Promise<string> {
      const [row] = await database.db.drizzle
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, name));
      return row?.id as string;
    }

    /** A follow-up case of the agency under the 2025 directive, assigned to its counsellor, with an action. */
    async function pickCase(
      agencyName: string,
      counsellorEmail: string,
      referredTo: string,
      referred: boolean,
    ) {
      const agencyId = await organisationId(agencyName);
      const [counsellor] = await database.db.drizzle
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, counsellorEmail));
      const referral = database.db.drizzle
        .select({ one: sql`1` })
        .from(caseReferrals)
        .where(and(eq(caseReferrals.caseId, cases.id), eq(caseReferrals.partnerOrganisationId, referredTo)));
      const rows = await database.db.drizzle
        .select({ caseId: cases.id, actionId: caseActions.id, partnerId: caseActions.partnerOrganisationId })
        .from(cases)
        .innerJoin(caseActions, eq(caseActions.caseId, cases.id))
        .where(
          and(
            eq(cases.organisationId, agencyId),
            eq(cases.status, "follow_up"),
            eq(cases.directive, DIRECTIVE_2025),
            eq(cases.counsellorUserId, counsellor?.id as string),
            referred
              ? and(sql`exists (${referral})`, eq(caseActions.partnerOrganisationId, referredTo))
              : notExists(referral),
          ),
        );
      const row = rows[0];
      if (row === undefined) throw new Error(`no suitable demo case in ${agencyName}`);
      return row;
    }

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      await seedDemoCases(createServiceContext(CONFIG, database.db));
      server = await startServer(database.db, { auth: { loginRateLimitPerMinute: 10_000 } });
      for (const role of ROLES) {
        const [row] = await database.db.drizzle
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, ACCOUNT_OF[role]));
        userIds.set(role, row?.id as string);
      }
      const partnerId = await organisationId("Association Passerelles Logement (démo)");
      const admin = await signIn(server.url, DEMO_USERS.admin);
      const product = await call(server.url, "POST", "/api/v1/finance/catalogue", {
        session: admin,
        body: {
          code: "subvention",
          kind: "grant",
          name: "Subvention",
          maxAmountCents: 1_000_000,
          directives: [DIRECTIVE_2025],
          appliesFrom: "2025-11-20",
          reason: "Catalogue du test",
        },
      });
      expect(product.status).toBe(201);
      for (const [agency, agencyName, email, referred] of [
        ["paris", "Agence de Paris", DEMO_USERS.parisCounsellor, true],
        ["lyon", "Agence de Lyon", DEMO_USERS.lyonCounsellor, false],
      ] as const) {
        const picked = await pickCase(agencyName, email, partnerId, referred);
        const counsellor: Session = await signIn(server.url, email);
        const read = await call(server.url, "GET", `/api/v1/cases/${picked.caseId}`, { session: counsellor });
        expect(read.status).toBe(200);
        const form = new FormData();
        form.append("file", new Blob([PNG_1PX], { type: "image/png" }), "justificatif.png");
        const uploaded = await fetch(`${server.url}/api/v1/cases/${picked.caseId}/documents`, {
          method: "POST",
          headers: {
            cookie: counsellor.cookie,
            "x-csrf-token": counsellor.csrfToken,
            "if-match": read.etag ?? "",
          },
          body: form,
        });
        expect(uploaded.status, `${agency} upload`).toBe(201);
        const document = (await uploaded.json()) as { id: string };
        const aid = await call<{ id: string }>(server.url, "POST", "/api/v1/finance/aids", {
          session: counsellor,
          body: { caseId: picked.caseId, productCode: "subvention", amountCents: 50_000 },
        });
        // No envelope is open: the proposal is queued (202), an aid all the same.
        expect(aid.status, `${agency} aid`).toBe(202);
        resources.push({
          agency,
          caseId: picked.caseId,
          aidId: aid.body.id,
          documentId: document.id,
          actionId: picked.actionId,
        });
      }
    }, 180_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const urlFor = (url: string, resource: Pick<Resource, "caseId" | "aidId" | "documentId" | "actionId">) =>
      url
        .replace(":id", url.startsWith("/api/v1/finance/aids/") ? resource.aidId : resource.caseId)
        .replace(":documentId", resource.documentId)
        .replace(":actionId", resource.actionId);

    async function send(role: Role, method: string, url: string, body: unknown = {}) {
      // A fresh session per call, as the permission walk does.
      const { token, csrfToken } = await createSession(
        database.db.drizzle,
        userIds.get(role) as string,
        new Date(),
        DEFAULT_AUTH_OPTIONS.sessions,
      );
      const hasBody = method !== "GET" && method !== "DELETE";
      const response = await fetch(`${server.url}${url}`, {
        method,
        headers: {
          cookie: `appui_session=${token}`,
          "x-csrf-token": csrfToken,
          ...(hasBody ? { "content-type": "application/json" } : {}),
        },
        ...(hasBody ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      const contentType = response.headers.get("content-type") ?? "";
      return {
        status: response.status,
        contentType,
        body: (contentType.includes("json") && text !== "" ? JSON.parse(text) : {}) as Record<
          string,
          unknown
        >,
      };
    }

    /** Whether `role` reaches the resource: national scope, or the Paris resource for Paris and the partner. */
    function inScope(role: Role, permission: Action, resource: Resource): boolean {
      const scope = scopeOf(role, permission);
      if (scope === undefined) return false;
      if (scope === "all") return true;
      // The Paris case is assigned to the Paris counsellor, and referred to the partner: every narrower scope
      // ("organisation", "own", "referred") covers it for the account signed in, and never the Lyon case.
      return resource.agency === "paris";
    }

    it("answers 403 to refused roles, 404 like an unknown id outside the scope, and serves inside it", async () => {
      const started = performance.now();
      const routes = server.app.routeAccess.filter((route) => CASE_BOUND.test(route.url));
      const uncovered = server.app.routeAccess
        .filter((route) => !CASE_BOUND.test(route.url) && route.url.includes(":"))
        .map((route) => `${route.method} ${route.url}`);
      // Parameters that name no case: a user, an envelope's year, an export's dataset, an envelope alert.
      expect(uncovered.sort()).toEqual(
        [
          "GET /api/v1/finance/envelopes/:year",
          "PUT /api/v1/finance/envelopes/:year/allocations",
          "GET /api/v1/finance/envelopes/:year/forecast",
          "GET /api/v1/finance/exports/:dataset",
          "POST /api/v1/finance/alerts/:id/acknowledge",
          "PATCH /api/v1/users/:id",
          "POST /api/v1/users/:id/deactivate",
          "POST /api/v1/users/:id/mfa/reset",
        ].sort(),
      );
      const unknown = {
        caseId: randomUUID(),
        aidId: randomUUID(),
        documentId: randomUUID(),
        actionId: randomUUID(),
      };
      const failures: string[] = [];
      const walked: string[] = [];
      // Lyon first: the Paris calls may change the Paris case (an empty body passes some commands).
      for (const resource of [...resources].reverse()) {
        for (const route of routes) {
          for (const role of ROLES) {
            const label = `${role} ${route.method} ${route.url} on ${resource.agency}`;
            const url = urlFor(route.url, resource);
            const outside = isAllowed(role, route.permission) && !inScope(role, route.permission, resource);
            const body = outside ? (VALID_BODIES[`${route.method} ${route.url}`] ?? {}) : {};
            const answer = await send(role, route.method, url, body);
            walked.push(`${label} ${answer.status}`);
            const expectation = ((): string | undefined => {
              if (!isAllowed(role, route.permission)) {
                return answer.status === 403 && answer.body.code === "forbidden"
                  ? undefined
                  : "403 forbidden";
              }
              if (inScope(role, route.permission, resource)) {
                const documented = DOCUMENTED_IN_SCOPE_REFUSALS[`${route.method} ${route.url}`];
                if (documented !== undefined && role === "auditor") {
                  return answer.status === 403 && answer.body.code === documented
                    ? undefined
                    : `403 ${documented}`;
                }
                return [401, 403, 404].includes(answer.status) || answer.status >= 500
                  ? "past the scope check (neither 401, 403, 404 nor 5xx)"
                  : undefined;
              }
              return undefined;
            })();
            if (expectation !== undefined) {
              failures.push(
                `${label}: expected ${expectation}, got ${answer.status} ${String(answer.body.code)}`,
              );
              continue;
            }
            if (outside) {
              const missing = await send(role, route.method, urlFor(route.url, unknown), body);
              if (
                answer.status !== 404 ||
                !PROBLEM_JSON.test(answer.contentType) ||
                missing.status !== 404 ||
                JSON.stringify(withoutRequestId(answer.body)) !==
                  JSON.stringify(withoutRequestId(missing.body))
              ) {
                failures.push(
                  `${label}: expected the 404 of an unknown id (${missing.status} ${String(missing.body.code)}), ` +
                    `got ${answer.status} ${String(answer.body.code)}`,
                );
              }
            }
          }
        }
      }
      process.stdout.write(
        `IDOR walk on ${kind.kind}: ${walked.length} combinations in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
      expect(failures).toEqual([]);
      // Every case-bound route, every role, both agencies: a new route cannot escape the walk.
      expect(routes.length).toBe(48);
      expect(walked.length).toBe(48 * ROLES.length * 2);
    }, 300_000);
  });
}
