// The envelope invariant under concurrency, over real HTTP on each database, through two servers sharing
// it: 100 proposals on 2025 cases whose sum is twice the envelope are fired at once, then 100 approvals at
// once (plus duplicates). Exactly
// the proposals that fit are reserved (the others wait in the queue), exactly the reserved ones are
// approved, the queued ones get a clear French 409, and reserved + committed never exceed the envelope and
// match the aids to the cent.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/database.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import {
  type FinanceClient,
  insertAgencyCases,
  openCatalogueAndEnvelope,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const NATIONAL = 2_000_000; // 20 000 €
const COUNT = 100;
/** Between 200 € and 600 €, below the four-eyes threshold; 100 of them add up to about twice the envelope. */
const amountOf = (index: number) => 20_000 + ((index * 7_919) % 40_001);

interface Aid {
  id: string;
  status: string;
  amountCents: number;
  message: string | null;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(
    suiteName(kind, "Envelope under 100 concurrent requests"),
    () => {
      let database: TestDatabase;
      let server: RunningServer;
      // A second server on the same database, as two instances behind a load balancer: each queues its
      // own money moves, so the two contend on the envelope row's lock in the database.
      let twin: RunningServer;
      let clients: FinanceClient[];
      let client: FinanceClient;
      let counsellor: Session;
      let controller: Session;
      let caseIds: string[];
      let aids: Aid[] = [];
      const year = () => Number(new Date().toISOString().slice(0, 4));

      beforeAll(async () => {
        database = await openDemoDatabase(kind);
        ({ server, client } = await startFinanceServer(database.db));
        const second = await startFinanceServer(database.db);
        twin = second.server;
        clients = [client, second.client];
        const staff = await signInFinanceStaff(client);
        ({ paris: counsellor, controller } = staff);
        const product = {
          code: "subvention-maintien",
          kind: "grant",
          name: "Subvention de maintien dans le logement",
          maxAmountCents: 200_000,
        } as const;
        await openCatalogueAndEnvelope(client, staff, [product], { year: year(), nationalCents: NATIONAL });
        caseIds = await insertAgencyCases(database.db, "paris", COUNT);
      }, 60_000);

      afterAll(async () => {
        await twin?.close();
        await server?.close();
        await database?.dispose();
      });

      async function totalsFromTable(): Promise<{ reserved: number; committed: number }> {
        const result = await database.db.drizzle.execute(sql`
        select coalesce(sum(amount_cents) filter (where status = 'proposed'), 0)::text as reserved,
               coalesce(sum(amount_cents) filter (where status = 'approved'), 0)::text as committed
        from aids`);
        const [row] = rowsOf<{ reserved: string; committed: string }>(result);
        return { reserved: Number(row?.reserved), committed: Number(row?.committed) };
      }

      it("reserves exactly the proposals that fit and queues the others, in 100 concurrent requests", async () => {
        const total = caseIds.reduce((sum, _, index) => sum + amountOf(index), 0);
        expect(total).toBeGreaterThan(NATIONAL * 1.5);
        const answers = await Promise.all(
          caseIds.map((caseId, index) =>
            (clients[index % 2] ?? client).call<Aid>(counsellor, "POST", "/api/v1/finance/aids", {
              caseId,
              productCode: "subvention-maintien",
              amountCents: amountOf(index),
            }),
          ),
        );
        aids = answers.map((answer) => answer.body);
        const proposed = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
        const queued = answers.filter((answer) => answer.status === 202).map((answer) => answer.body);
        expect(proposed.length + queued.length).toBe(COUNT);
        expect(proposed.every((aid) => aid.status === "proposed")).toBe(true);
        expect(queued.every((aid) => aid.status === "queued")).toBe(true);
        expect(queued[0]?.message).toMatch(/^Enveloppe épuisée : il reste .* file d'attente/);

        const reserved = proposed.reduce((sum, aid) => sum + aid.amountCents, 0);
        expect(reserved).toBeLessThanOrEqual(NATIONAL);
        // Reservations only grew during the burst, so each queued proposal did not fit what is left now.
        const left = NATIONAL - reserved;
        for (const aid of queued) expect(aid.amountCents).toBeGreaterThan(left);

        const envelope = await client.call<Record<string, number>>(
          controller,
          "GET",
          `/api/v1/finance/envelopes/${year()}`,
        );
        expect(envelope.body).toMatchObject({
          reservedCents: reserved,
          committedCents: 0,
          availableCents: left,
          queuedCount: queued.length,
        });
        expect(await totalsFromTable()).toEqual({ reserved, committed: 0 });
        // Less than 600 € left of 20 000 €: the 80 % and 95 % lines were crossed once each, among 100
        // concurrent proposals, and each alert was written once, by the proposal that crossed it.
        const alerts = await client.call<{ items: { level: string; scope: string }[] }>(
          controller,
          "GET",
          `/api/v1/finance/alerts?year=${year()}`,
        );
        expect(alerts.body.items.map((item) => `${item.scope}:${item.level}`).sort()).toEqual(
          left === 0
            ? ["national:alert_80", "national:alert_95", "national:exhausted"]
            : ["national:alert_80", "national:alert_95"],
        );
      }, 120_000);

      it("approves exactly the reserved proposals in 100 concurrent approvals, once each, and refuses the queued ones with a 409", async () => {
        const reservedIds = new Set(aids.filter((aid) => aid.status === "proposed").map((aid) => aid.id));
        // Ten reserved proposals are approved twice at the same time: one approval only may win.
        const duplicates = [...reservedIds].slice(0, 10);
        const targets = [...aids.map((aid) => aid.id), ...duplicates];
        const started = performance.now();
        const answers = await Promise.all(
          targets.map((id, index) =>
            (clients[index % 2] ?? client).call<Aid & { code?: string; detail?: string }>(
              controller,
              "POST",
              `/api/v1/finance/aids/${id}/approve`,
              {},
            ),
          ),
        );
        const elapsed = performance.now() - started;
        expect(elapsed).toBeLessThan(60_000);

        const approvedIds = answers.filter((answer) => answer.status === 200).map((answer) => answer.body.id);
        expect(new Set(approvedIds)).toEqual(reservedIds);
        expect(approvedIds).toHaveLength(reservedIds.size);
        const refused = answers.filter((answer) => answer.status !== 200);
        expect(refused).toHaveLength(targets.length - reservedIds.size);
        for (const answer of refused) {
          expect(answer.status).toBe(409);
          expect(answer.contentType).toMatch(PROBLEM_JSON);
          expect(["ENVELOPE_EXHAUSTED", "ILLEGAL_TRANSITION"]).toContain(answer.body.code);
        }
        const exhausted = refused.filter((answer) => answer.body.code === "ENVELOPE_EXHAUSTED");
        expect(exhausted).toHaveLength(COUNT - reservedIds.size);
        expect(exhausted[0]?.body.detail).toMatch(/file d'attente faute de crédits/);
        const twice = refused.filter((answer) => answer.body.code === "ILLEGAL_TRANSITION");
        expect(twice).toHaveLength(duplicates.length);
        expect(twice[0]?.body.detail).toBe("Impossible d'approuver une aide approuvée.");

        const committed = aids
          .filter((aid) => reservedIds.has(aid.id))
          .reduce((sum, aid) => sum + aid.amountCents, 0);
        const envelope = await client.call<Record<string, number>>(
          controller,
          "GET",
          `/api/v1/finance/envelopes/${year()}`,
        );
        expect(envelope.body).toMatchObject({ reservedCents: 0, committedCents: committed });
        expect(envelope.body.committedCents).toBeLessThanOrEqual(NATIONAL);
        expect(await totalsFromTable()).toEqual({ reserved: 0, committed });
      }, 120_000);

      it("offers the proposals still queued to next year's envelope when it opens", async () => {
        const queued = aids.filter((aid) => aid.status === "queued");
        const waiting = queued.reduce((sum, aid) => sum + aid.amountCents, 0);
        expect(waiting).toBeLessThanOrEqual(NATIONAL);
        const opened = await client.call<Record<string, number>>(
          controller,
          "POST",
          "/api/v1/finance/envelopes",
          {
            year: year() + 1,
            nationalCents: NATIONAL,
          },
        );
        expect(opened.status).toBe(201);
        expect(opened.body).toMatchObject({ reservedCents: waiting, committedCents: 0, queuedCount: 0 });
        const moved = await client.call<{ aids: Aid[] }>(
          controller,
          "GET",
          `/api/v1/finance/aids?year=${year() + 1}&status=proposed`,
        );
        expect(new Set(moved.body.aids.map((aid) => aid.id))).toEqual(new Set(queued.map((aid) => aid.id)));
        const thisYear = await client.call<Record<string, number>>(
          controller,
          "GET",
          `/api/v1/finance/envelopes/${year()}`,
        );
        expect(thisYear.body.queuedCount).toBe(0);
      });
    },
  );
}
