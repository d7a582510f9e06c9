// The finance API as budget controllers, counsellors and administrators use it, over real HTTP on each
// database: four-eyes above the threshold, the 2021 directive refused, the queue released when money is
// freed, idempotent disbursement, IBAN checks, loan schedule and repayments, forecast, and the accounting
// exports read back (CSV parsed with csv-parse, XLSX with exceljs).
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidDisbursements, auditEvents } from "../src/db/schema/index.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import {
  addStaff,
  DIRECTIVE_2021,
  type FinanceClient,
  GRANT,
  insertAgencyCases,
  insertCases,
  loanProduct,
  openCatalogueAndEnvelope,
  PARIS_COUNSELLOR,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const IBAN = "FR76 3000 6000 0112 3456 7890 189";

interface Aid {
  id: string;
  status: string;
  amountCents: number;
  firstApprovedByUserId: string | null;
  decidedByUserId: string | null;
  message: string | null;
}
interface Problem {
  code: string;
  detail: string;
  clause?: string;
  errors?: { path: string }[];
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(
    suiteName(kind, "Loans and grants from the envelope"),
    () => {
      let database: TestDatabase;
      let server: RunningServer;
      let client: FinanceClient;
      let admin: Session;
      let paris: Session;
      let lyon: Session;
      let controller: Session;
      let secondController: Session;
      let parisCases: string[];
      let lyonCases: string[];
      const year = Number(new Date().toISOString().slice(0, 4));

      beforeAll(async () => {
        database = await openDemoDatabase(kind);
        await addStaff(database.db, "budget2@demo.appui.fr", "budget_controller");
        ({ server, client } = await startFinanceServer(database.db));
        ({ admin, paris, lyon, controller } = await signInFinanceStaff(client));
        secondController = await client.signIn("budget2@demo.appui.fr");
        // 30 000 € nationally, of which 3 000 € for the Lyon agency's region.
        await openCatalogueAndEnvelope(client, { admin, controller }, [GRANT, loanProduct(36)], {
          year,
          nationalCents: 3_000_000,
          allocations: [{ code: "Auvergne-Rhône-Alpes", label: "Région AURA", amountCents: 300_000 }],
        });
        parisCases = await insertAgencyCases(database.db, "paris", 10);
        lyonCases = await insertAgencyCases(database.db, "lyon", 4);
      }, 60_000);

      afterAll(async () => {
        await server?.close();
        await database?.dispose();
      });

      const propose = (session: Session, caseId: string, amountCents: number, productCode = "subvention") =>
        client.call<Aid & Problem>(session, "POST", "/api/v1/finance/aids", {
          caseId,
          productCode,
          amountCents,
        });
      const approve = (session: Session, id: string, key?: string) =>
        client.call<Aid & Problem>(session, "POST", `/api/v1/finance/aids/${id}/approve`, {}, key);
      const envelope = async () =>
        (await client.call<Record<string, number>>(controller, "GET", `/api/v1/finance/envelopes/${year}`))
          .body;

      it("needs two different budget controllers above 3 000 €, and one up to it; a counsellor never approves", async () => {
        const large = await propose(paris, parisCases[0] as string, 450_000);
        expect(large.status).toBe(201);
        expect((await approve(paris, large.body.id)).status).toBe(403);

        const first = await approve(controller, large.body.id);
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ status: "proposed", firstApprovedByUserId: controller.userId });
        expect(first.body.message).toMatch(/second contrôleur budgétaire/);
        const again = await approve(controller, large.body.id);
        expect(again.status).toBe(409);
        expect(again.contentType).toMatch(PROBLEM_JSON);
        expect(again.body.code).toBe("ALREADY_FIRST_APPROVED");
        expect(again.body.detail).toMatch(/deux contrôleurs budgétaires différents/);
        const second = await approve(secondController, large.body.id);
        expect(second.status).toBe(200);
        expect(second.body).toMatchObject({ status: "approved", decidedByUserId: secondController.userId });

        const small = await propose(paris, parisCases[1] as string, 300_000);
        const once = await approve(controller, small.body.id);
        expect(once.body.status).toBe("approved");
        expect(await envelope()).toMatchObject({ committedCents: 750_000, reservedCents: 0 });
      });

      it("applies a dated threshold recorded by an administrator", async () => {
        const recorded = await client.call(admin, "POST", "/api/v1/finance/four-eyes-threshold", {
          valueCents: 500_000,
          appliesFrom: "2025-01-01",
          reason: "Délégation relevée",
        });
        expect(recorded.status).toBe(201);
        const aid = await propose(paris, parisCases[2] as string, 450_000);
        expect((await approve(controller, aid.body.id)).body.status).toBe("approved");
      });

      it("refuses an aid on a 2021 case, citing the directive's mode of intervention", async () => {
        const [oldCase] = await insertCases(database.db, {
          count: 1,
          agency: "Agence de Paris",
          counsellorEmail: PARIS_COUNSELLOR,
          directive: DIRECTIVE_2021,
        });
        const refused = await propose(paris, oldCase as string, 10_000);
        expect(refused.status).toBe(409);
        expect(refused.contentType).toMatch(PROBLEM_JSON);
        expect(refused.body).toMatchObject({
          code: "SERVICE_ONLY_DIRECTIVE",
          clause: "PP_EX_CPA_2_DIR/mode",
        });
        expect(refused.body.detail).toContain("« Prestation de services »");
        // Nor may the catalogue offer a product under that directive.
        const product = await client.call<Problem>(admin, "POST", "/api/v1/finance/catalogue", {
          code: "pret-2021",
          kind: "grant",
          name: "Interdit",
          maxAmountCents: 1_000,
          directives: [DIRECTIVE_2021],
          appliesFrom: "2025-01-01",
          reason: "Essai",
        });
        expect(product.status).toBe(400);
        expect(product.body.errors?.map((error) => error.path)).toEqual(["/directives/0"]);
      });

      it("answers 404 for another agency's case and 400 for an amount above the product's maximum", async () => {
        expect((await propose(lyon, parisCases[3] as string, 10_000)).status).toBe(404);
        const tooMuch = await propose(paris, parisCases[3] as string, 1_000_001);
        expect(tooMuch.status).toBe(400);
        expect(tooMuch.body.errors?.map((error) => error.path)).toEqual(["/amountCents"]);
      });

      it("queues a proposal the allocation cannot hold, and offers it again when money is released", async () => {
        const first = await propose(lyon, lyonCases[0] as string, 200_000);
        expect(first.status).toBe(201);
        const waiting = await propose(lyon, lyonCases[1] as string, 150_000);
        expect(waiting.status).toBe(202);
        expect(waiting.body.status).toBe("queued");
        expect(waiting.body.message).toMatch(
          /^Enveloppe épuisée : il reste 1\u202f000,00\u00a0€ disponibles/,
        );
        const blocked = await approve(controller, waiting.body.id);
        expect(blocked.status).toBe(409);
        expect(blocked.body.code).toBe("ENVELOPE_EXHAUSTED");
        const aura = (await envelope()).allocations as unknown as { code: string; reservedCents: number }[];
        expect(aura[0]).toMatchObject({ code: "Auvergne-Rhône-Alpes", reservedCents: 200_000 });

        const cancelled = await client.call<Aid>(
          controller,
          "POST",
          `/api/v1/finance/aids/${first.body.id}/cancel`,
          {
            reason: "La personne a trouvé une autre solution",
          },
        );
        expect(cancelled.body.status).toBe("cancelled");
        const offered = await client.call<Aid>(controller, "GET", `/api/v1/finance/aids/${waiting.body.id}`);
        expect(offered.body.status).toBe("proposed");
        const after = (await envelope()).allocations as unknown as { reservedCents: number }[];
        expect(after[0]?.reservedCents).toBe(150_000);
      });

      it("pays once for two identical disbursement requests, and refuses the key for another body", async () => {
        const aid = await propose(paris, parisCases[4] as string, 120_000);
        await approve(controller, aid.body.id);
        const body = { payeeKind: "landlord", iban: IBAN, paidOn: `${year}-03-10` };
        const path = `/api/v1/finance/aids/${aid.body.id}/disburse`;
        const [one, two] = await Promise.all([
          client.call(controller, "POST", path, body, "pay-4"),
          client.call(controller, "POST", path, body, "pay-4"),
        ]);
        expect(one.status).toBe(201);
        expect(two.status).toBe(201);
        expect(two.body).toEqual(one.body);
        expect(one.body).toMatchObject({
          aid: { status: "disbursed" },
          disbursement: { payeeIban: "FR76 •••• 0189" },
        });
        const payments = await database.db.drizzle
          .select()
          .from(aidDisbursements)
          .where(eq(aidDisbursements.aidId, aid.body.id));
        expect(payments).toHaveLength(1);
        expect(payments[0]?.payeeIban).toBe("FR7630006000011234567890189");

        const reused = await client.call<Problem>(
          controller,
          "POST",
          path,
          { ...body, payeeKind: "person" },
          "pay-4",
        );
        expect(reused.status).toBe(422);
        expect(reused.body.code).toBe("idempotency_key_reused");
        const withoutKey = await client.call<Problem>(controller, "POST", path, body);
        expect(withoutKey.status).toBe(409);
        expect(withoutKey.body.detail).toBe("Impossible de verser une aide versée.");
        // The trail records the payment without the account number.
        const trail = await database.db.drizzle
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, "aid.disbursed"));
        expect(trail).toHaveLength(1);
        expect(JSON.stringify(trail[0]?.details)).not.toContain("3000600001");
      });

      it("refuses an invalid IBAN with the field at fault", async () => {
        const aid = await propose(paris, parisCases[5] as string, 10_000);
        await approve(controller, aid.body.id);
        const wrong = await client.call<Problem>(
          controller,
          "POST",
          `/api/v1/finance/aids/${aid.body.id}/disburse`,
          {
            payeeKind: "person",
            iban: "FR76 3000 6000 0112 3456 7890 188",
            paidOn: `${year}-03-10`,
          },
        );
        expect(wrong.status).toBe(400);
        expect(wrong.contentType).toMatch(PROBLEM_JSON);
        expect(wrong.body.errors?.map((error) => error.path)).toEqual(["/iban"]);
        const status = await client.call<Aid>(controller, "GET", `/api/v1/finance/aids/${aid.body.id}`);
        expect(status.body.status).toBe("approved");
      });

      it("gives a loan's schedule and records repayments until it is repaid", async () => {
        const loan = await client.call<Aid>(paris, "POST", "/api/v1/finance/aids", {
          caseId: parisCases[6],
          productCode: "pret",
          amountCents: 120_000,
          durationMonths: 12,
        });
        await approve(controller, loan.body.id);
        const paid = await client.call(controller, "POST", `/api/v1/finance/aids/${loan.body.id}/disburse`, {
          payeeKind: "person",
          iban: IBAN,
          paidOn: "2026-01-15",
          firstDueDate: "2026-02-28",
        });
        expect(paid.status).toBe(201);
        const schedule = await client.call<{
          rows: { dueDate: string; principalCents: number; instalmentCents: number }[];
          arrearsCents: number;
          outstandingCents: number;
        }>(controller, "GET", `/api/v1/finance/aids/${loan.body.id}/schedule?asOf=2026-04-01`);
        expect(schedule.body.rows).toHaveLength(12);
        const reads = await database.db.drizzle
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, "aid.schedule_read"));
        expect(reads.map((event) => event.targetId)).toEqual([loan.body.id]);
        expect(schedule.body.rows[0]).toMatchObject({ dueDate: "2026-02-28", instalmentCents: 10_000 });
        expect(schedule.body.rows[1]?.dueDate).toBe("2026-03-28");
        // Two instalments were due before 1 April and nothing was received.
        expect(schedule.body.arrearsCents).toBe(20_000);
        const repay = (amountCents: number) =>
          client.call<Aid & Problem>(controller, "POST", `/api/v1/finance/aids/${loan.body.id}/repayments`, {
            amountCents,
            receivedOn: "2026-03-30",
          });
        const flag = (asOf: string) =>
          client.call<Aid & Problem>(controller, "POST", `/api/v1/finance/aids/${loan.body.id}/arrears`, {
            asOf,
          });
        const early = await flag("2026-02-01");
        expect(early.status).toBe(409);
        expect(early.body.code).toBe("NO_ARREARS");
        expect((await flag("2026-04-01")).body.status).toBe("in_arrears");
        // Covering both overdue instalments takes the loan out of arrears.
        expect((await repay(20_000)).body.status).toBe("repaying");
        const tooMuch = await repay(100_001);
        expect(tooMuch.status).toBe(409);
        expect(tooMuch.body.detail).toMatch(
          /^Le remboursement dépasse ce qui reste dû sur le prêt \(1\u202f000,00/,
        );
        expect((await repay(100_000)).body.status).toBe("repaid");
      });

      it("forecasts the year's consumption and exports commitments, disbursements and repayments", async () => {
        const forecast = await client.call<{
          monthlyCents: number[];
          consumedCents: number;
          level: string;
          method: string;
        }>(controller, "GET", `/api/v1/finance/envelopes/${year}/forecast?asOf=${year}-12-31`);
        expect(forecast.status).toBe(200);
        const committed = (await envelope()).committedCents as number;
        expect(forecast.body.consumedCents).toBe(committed);
        // Nothing was committed last year: no season to follow, the pace is linear.
        expect(forecast.body.method).toBe("linear");
        expect(forecast.body.monthlyCents.reduce((sum, cents) => sum + cents, 0)).toBe(committed);

        const csv = await client.download(
          controller,
          `/api/v1/finance/exports/commitments?year=${year}&format=csv`,
        );
        expect(csv.status).toBe(200);
        expect(csv.type).toMatch(/^text\/csv/);
        const records = parse(csv.bytes, { delimiter: ";", bom: true, columns: true }) as Record<
          string,
          string
        >[];
        const cents = records.map((record) => Number(record["Montant (centimes)"]));
        expect(cents.reduce((sum, value) => sum + value, 0)).toBe(committed);
        expect(records.find((record) => record["Montant (centimes)"] === "450000")?.Montant).toBe("4500,00");

        const xlsx = await client.download(
          controller,
          `/api/v1/finance/exports/disbursements?year=${year}&format=xlsx`,
        );
        expect(xlsx.status).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet("Versements");
        expect(sheet?.getRow(1).getCell(5).value).toBe("Montant (centimes)");
        const amounts = [2, 3].map((row) => sheet?.getRow(row).getCell(5).value).sort();
        expect(amounts).toEqual([120_000, 120_000]);
        expect(sheet?.getRow(2).getCell(8).value).toBe("FR76 •••• 0189");
        expect(sheet?.rowCount).toBe(3);

        const repayments = await client.download(
          controller,
          `/api/v1/finance/exports/repayments?year=${year}&format=csv`,
        );
        const rows = parse(repayments.bytes, { delimiter: ";", bom: true, columns: true }) as Record<
          string,
          string
        >[];
        expect(rows.map((row) => row.Montant)).toEqual(["200,00", "1000,00"]);
        expect(
          (await client.download(paris, `/api/v1/finance/exports/repayments?year=${year}&format=csv`)).status,
        ).toBe(403);
      });

      it("writes off a loan in arrears, which stays committed and disbursed", async () => {
        const loan = await client.call<Aid>(paris, "POST", "/api/v1/finance/aids", {
          caseId: parisCases[7],
          productCode: "pret",
          amountCents: 60_000,
          durationMonths: 6,
        });
        await approve(controller, loan.body.id);
        await client.call(controller, "POST", `/api/v1/finance/aids/${loan.body.id}/disburse`, {
          payeeKind: "creditor",
          iban: IBAN,
          paidOn: "2026-01-15",
        });
        const before = await envelope();
        const path = `/api/v1/finance/aids/${loan.body.id}`;
        const early = await client.call<Problem>(controller, "POST", `${path}/write-off`, {
          reason: "Irrécouvrable",
        });
        expect(early.status).toBe(409);
        expect(early.body.detail).toBe("Impossible de passer en perte une aide en remboursement.");
        await client.call(controller, "POST", `${path}/arrears`, { asOf: "2026-06-01" });
        const written = await client.call<Aid>(controller, "POST", `${path}/write-off`, {
          reason: "Irrécouvrable",
        });
        expect(written.body).toMatchObject({ status: "written_off", decisionReason: "Irrécouvrable" });
        expect(await envelope()).toMatchObject({
          committedCents: before.committedCents,
          disbursedCents: before.disbursedCents,
        });
      });
    },
  );
}
