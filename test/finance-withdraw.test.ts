// A counsellor takes back their own proposal before any decision, over real HTTP on each database: the
// reserved amount is released and the queue offered again; a colleague, another agency, a budget
// controller and a decided aid are refused. The case page's list of a case's aids follows the same scope.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidEvents, auditEvents } from "../src/db/schema/index.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { addDemoAccount, openDemoDatabase, organisationIdNamed } from "./support/demoDatabase.ts";
import {
  type FinanceClient,
  GRANT,
  insertAgencyCases,
  openCatalogueAndEnvelope,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

interface Aid {
  id: string;
  caseId: string;
  status: string;
  amountCents: number;
  proposedByUserId: string;
  decidedByUserId: string | null;
  decisionReason: string | null;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { path: string }[];
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Withdrawing one's own proposal"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let client: FinanceClient;
    let paris: Session;
    let colleague: Session;
    let lyon: Session;
    let manager: Session;
    let controller: Session;
    let cases: string[];
    const year = Number(new Date().toISOString().slice(0, 4));

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      await addDemoAccount(database.db, {
        email: "collegue.paris@demo.appui.fr",
        role: "counsellor",
        organisationId: await organisationIdNamed(database.db, "Agence de Paris"),
      });
      ({ server, client } = await startFinanceServer(database.db));
      const staff = await signInFinanceStaff(client);
      ({ paris, lyon, parisManager: manager, controller } = staff);
      colleague = await client.signIn("collegue.paris@demo.appui.fr");
      await openCatalogueAndEnvelope(client, staff, [GRANT], { year, nationalCents: 300_000 });
      cases = await insertAgencyCases(database.db, "paris", 4);
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const propose = (caseId: string, amountCents: number) =>
      client.call<Aid>(paris, "POST", "/api/v1/finance/aids", {
        caseId,
        productCode: "subvention",
        amountCents,
      });
    const withdraw = (session: Session, id: string, reason = "La personne renonce à l'aide") =>
      client.call<Aid & Problem>(session, "POST", `/api/v1/finance/aids/${id}/withdraw`, { reason });
    const reservedCents = async () =>
      (await client.call<{ reservedCents: number }>(controller, "GET", `/api/v1/finance/envelopes/${year}`))
        .body.reservedCents;

    it("lets the proposer withdraw with a reason, releases the amount and offers the queued proposal", async () => {
      const first = await propose(cases[0] as string, 200_000);
      expect(first.status).toBe(201);
      const waiting = await propose(cases[1] as string, 150_000);
      expect(waiting.status).toBe(202);

      const byColleague = await withdraw(colleague, first.body.id);
      expect(byColleague.status).toBe(403);
      expect(byColleague.contentType).toMatch(PROBLEM_JSON);
      expect(byColleague.body.detail).toMatch(/Seul le conseiller qui a proposé cette aide/);
      expect((await withdraw(lyon, first.body.id)).status).toBe(404);
      expect((await withdraw(controller, first.body.id)).status).toBe(403);
      const noReason = await client.call<Problem>(
        paris,
        "POST",
        `/api/v1/finance/aids/${first.body.id}/withdraw`,
        { reason: "" },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors?.map((error) => error.path)).toEqual(["/reason"]);
      expect(await reservedCents()).toBe(200_000);

      const withdrawn = await withdraw(paris, first.body.id, "  La personne a trouvé une autre solution ");
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        id: first.body.id,
        status: "cancelled",
        decidedByUserId: paris.userId,
        decisionReason: "La personne a trouvé une autre solution",
      });
      const offered = await client.call<Aid>(controller, "GET", `/api/v1/finance/aids/${waiting.body.id}`);
      expect(offered.body.status).toBe("proposed");
      expect(await reservedCents()).toBe(150_000);

      const [event] = await database.db.drizzle
        .select()
        .from(aidEvents)
        .where(and(eq(aidEvents.aidId, first.body.id), eq(aidEvents.type, "withdrawn")));
      expect(event).toMatchObject({
        fromStatus: "proposed",
        toStatus: "cancelled",
        actorUserId: paris.userId,
        reason: "La personne a trouvé une autre solution",
      });
      const trail = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "aid.withdrawn"));
      expect(trail.map((entry) => [entry.targetId, entry.actorUserId])).toEqual([
        [first.body.id, paris.userId],
      ]);
    });

    it("refuses to withdraw an approved aid with the French reason, and lets the agency's manager withdraw", async () => {
      const approved = await propose(cases[2] as string, 50_000);
      await client.call(controller, "POST", `/api/v1/finance/aids/${approved.body.id}/approve`, {});
      const late = await withdraw(paris, approved.body.id);
      expect(late.status).toBe(409);
      expect(late.contentType).toMatch(PROBLEM_JSON);
      expect(late.body.code).toBe("ILLEGAL_TRANSITION");
      expect(late.body.detail).toMatch(/^Impossible de retirer une aide approuvée/);

      const queued = await propose(cases[3] as string, 250_000);
      expect(queued.body.status).toBe("queued");
      const byManager = await withdraw(manager, queued.body.id, "Doublon");
      expect(byManager.status).toBe(200);
      expect(byManager.body).toMatchObject({ status: "cancelled", decidedByUserId: manager.userId });
      expect((await withdraw(paris, queued.body.id)).status).toBe(409);
    });

    it("lists a case's aids to the agency's counsellors, its manager and budget controllers only", async () => {
      const path = `/api/v1/finance/aids?caseId=${cases[0]}`;
      for (const session of [paris, colleague, manager, controller]) {
        const listed = await client.call<{ aids: Aid[] }>(session, "GET", path);
        expect(listed.status).toBe(200);
        expect(
          listed.body.aids.map((aid) => [aid.caseId, aid.status, aid.amountCents, aid.proposedByUserId]),
        ).toEqual([[cases[0], "cancelled", 200_000, paris.userId]]);
      }
      const otherAgency = await client.call<{ aids: Aid[] }>(lyon, "GET", path);
      expect(otherAgency.body.aids).toEqual([]);
      const wholeYear = await client.call<Problem>(paris, "GET", `/api/v1/finance/aids?year=${year}`);
      expect(wholeYear.status).toBe(403);
      expect(wholeYear.body.detail).toMatch(/Indiquez le dossier/);
      const neither = await client.call<Problem>(controller, "GET", "/api/v1/finance/aids");
      expect(neither.status).toBe(400);
      expect(neither.body.errors?.map((error) => error.path)).toEqual(["/year"]);
    });
  });
}
