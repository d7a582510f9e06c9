// Early repayment of a loan over real HTTP on each database: the core recomputes the schedule (a shorter
// loan or a lower instalment), the principal parts plus the early repayments still make the amount lent,
// the repayment is recorded once under a retried Idempotency-Key, with mode `early` in the accounting
// export, and what is refused answers a problem with the French reason.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidRepayments } from "../src/db/schema/index.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import {
  type FinanceClient,
  GRANT,
  insertAgencyCases,
  loanProduct,
  openCatalogueAndEnvelope,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const IBAN = "FR76 3000 6000 0112 3456 7890 189";

interface ScheduleView {
  aidId: string;
  rows: {
    number: number;
    dueDate: string;
    instalmentCents: number;
    principalCents: number;
    remainingCents: number;
  }[];
  totalCents: number;
  receivedCents: number;
  outstandingCents: number;
  arrearsCents: number;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { path: string }[];
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Early repayment of a loan"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let client: FinanceClient;
    let paris: Session;
    let controller: Session;
    let cases: string[];
    const year = Number(new Date().toISOString().slice(0, 4));

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      ({ server, client } = await startFinanceServer(database.db));
      const staff = await signInFinanceStaff(client);
      ({ paris, controller } = staff);
      await openCatalogueAndEnvelope(client, staff, [loanProduct(36), GRANT], {
        year,
        nationalCents: 5_000_000,
      });
      cases = await insertAgencyCases(database.db, "paris", 3);
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    /** 1 200 € at 0 % over 12 months, paid on 15 January 2026, first instalment 28 February 2026. */
    const paidAid = async (caseId: string, productCode = "pret") => {
      const proposed = await client.call<{ id: string }>(paris, "POST", "/api/v1/finance/aids", {
        caseId,
        productCode,
        amountCents: 120_000,
        ...(productCode === "pret" ? { durationMonths: 12 } : {}),
      });
      await client.call(controller, "POST", `/api/v1/finance/aids/${proposed.body.id}/approve`, {});
      const paid = await client.call(
        controller,
        "POST",
        `/api/v1/finance/aids/${proposed.body.id}/disburse`,
        {
          payeeKind: "person",
          iban: IBAN,
          paidOn: "2026-01-15",
          ...(productCode === "pret" ? { firstDueDate: "2026-02-28" } : {}),
        },
      );
      expect(paid.status).toBe(201);
      return proposed.body.id;
    };
    const early = (id: string, body: unknown, key?: string) =>
      client.call<ScheduleView & Problem>(
        controller,
        "POST",
        `/api/v1/finance/aids/${id}/early-repayments`,
        body,
        key,
      );
    const principalSum = (view: ScheduleView) => view.rows.reduce((sum, row) => sum + row.principalCents, 0);

    it("shortens the loan, keeps the principal whole, and records the repayment once under a retried key", async () => {
      const id = await paidAid(cases[0] as string);
      const instalments = await client.call(controller, "POST", `/api/v1/finance/aids/${id}/repayments`, {
        amountCents: 20_000,
        receivedOn: "2026-03-30",
      });
      expect(instalments.status).toBe(201);
      const body = { amountCents: 30_000, receivedOn: "2026-04-15", option: "shorten" };
      const [one, two] = await Promise.all([early(id, body, "early-1"), early(id, body, "early-1")]);
      expect(one.status).toBe(201);
      expect(two.body).toEqual(one.body);
      // Two instalments paid, 1 000 € left, 300 € repaid early: seven more instalments of 100 € instead of ten.
      expect(one.body.rows).toHaveLength(9);
      expect(one.body.rows.at(-1)).toMatchObject({ dueDate: "2026-10-28", remainingCents: 0 });
      expect(one.body.rows.every((row) => row.instalmentCents === 10_000)).toBe(true);
      expect(principalSum(one.body) + 30_000).toBe(120_000);
      expect(one.body).toMatchObject({ receivedCents: 50_000, outstandingCents: 70_000 });

      const recorded = await database.db.drizzle
        .select()
        .from(aidRepayments)
        .where(eq(aidRepayments.aidId, id));
      expect(recorded.map((row) => [row.mode, row.earlyOption, row.amountCents]).sort()).toEqual([
        ["early", "shorten", 30_000],
        ["instalment", null, 20_000],
      ]);
      const read = await client.call<ScheduleView>(
        controller,
        "GET",
        `/api/v1/finance/aids/${id}/schedule?asOf=2026-04-15`,
      );
      expect(read.body.rows).toEqual(one.body.rows);
      // On the day of the early repayment the two instalments due were paid: nothing is overdue.
      expect(read.body).toMatchObject({ receivedCents: 50_000, arrearsCents: 0 });
      const aid = await client.call<{ status: string }>(controller, "GET", `/api/v1/finance/aids/${id}`);
      expect(aid.body.status).toBe("repaying");

      const reused = await early(id, { ...body, amountCents: 10_000 }, "early-1");
      expect(reused.status).toBe(422);
      // What is still due closes the loan.
      const rest = await client.call<{ status: string }>(
        controller,
        "POST",
        `/api/v1/finance/aids/${id}/repayments`,
        {
          amountCents: 70_000,
          receivedOn: "2026-05-02",
        },
      );
      expect(rest.body.status).toBe("repaid");
    });

    it("lowers the instalment and keeps the end date, and shows the mode in the repayments export", async () => {
      const id = await paidAid(cases[1] as string);
      const lowered = await early(id, {
        amountCents: 60_000,
        receivedOn: "2026-01-20",
        option: "lower_instalment",
      });
      expect(lowered.status).toBe(201);
      expect(lowered.body.rows).toHaveLength(12);
      expect(lowered.body.rows[0]).toMatchObject({ dueDate: "2026-02-28", instalmentCents: 5_000 });
      expect(lowered.body.rows.at(-1)).toMatchObject({ dueDate: "2027-01-28", remainingCents: 0 });
      expect(principalSum(lowered.body) + 60_000).toBe(120_000);

      const csv = await client.download(
        controller,
        `/api/v1/finance/exports/repayments?year=${year}&format=csv`,
      );
      const rows = parse(csv.bytes, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
      expect(rows.filter((row) => row.Aide === id).map((row) => [row.Montant, row.Mode])).toEqual([
        ["600,00", "early"],
      ]);
      expect(new Set(rows.map((row) => row.Mode))).toEqual(new Set(["instalment", "early"]));
    });

    it("refuses what cannot be repaid early, with a problem", async () => {
      const grant = await paidAid(cases[2] as string, "subvention");
      const notLoan = await early(grant, {
        amountCents: 10_000,
        receivedOn: "2026-02-01",
        option: "shorten",
      });
      expect(notLoan.status).toBe(409);
      expect(notLoan.contentType).toMatch(PROBLEM_JSON);
      expect(notLoan.body.code).toBe("NOT_A_LOAN");
      const [loan] = await client
        .call<{ aids: { id: string; kind: string; status: string }[] }>(
          controller,
          "GET",
          `/api/v1/finance/aids?caseId=${cases[1]}`,
        )
        .then((answer) => answer.body.aids);
      const tooMuch = await early(loan?.id as string, {
        amountCents: 60_001,
        receivedOn: "2026-03-01",
        option: "shorten",
      });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.code).toBe("REPAYMENT_TOO_LARGE");
      expect(tooMuch.body.detail).toMatch(/^Le remboursement anticipé dépasse le capital restant dû/);
      const badOption = await early(loan?.id as string, {
        amountCents: 100,
        receivedOn: "2026-03-01",
        option: "both",
      });
      expect(badOption.status).toBe(400);
      expect(badOption.body.errors?.map((error) => error.path)).toEqual(["/option"]);
      const byCounsellor = await client.call(
        paris,
        "POST",
        `/api/v1/finance/aids/${loan?.id}/early-repayments`,
        {
          amountCents: 100,
          receivedOn: "2026-03-01",
          option: "shorten",
        },
      );
      expect(byCounsellor.status).toBe(403);
    });
  });
}
