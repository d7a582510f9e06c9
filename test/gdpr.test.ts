// GDPR rights and auditors' access over HTTP, on a real server and both databases: an auditor reads a case
// only after recording a justification (403 before, 200 after, each read audited with its id); the export of
// everything held about the person (JSON with the decrypted diagnosis for the counsellor in charge, 404 for
// another agency, a PDF a reader can read); rectification (new ETag, on the timeline, audit without values);
// erasure refused on an open case and while a loan is being repaid, done at once on a closed case, after
// which the database no longer holds the name and the audit chain still verifies.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL_DOMAIN } from "../src/core/access/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { verifyAuditChain } from "../src/db/audit/verify.ts";
import { aidProducts, aids, auditEvents, cases } from "../src/db/schema/index.ts";
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
import { addDemoAccount, openDemoDatabase, organisationIdNamed } from "./support/demoDatabase.ts";
import { insertCase } from "./support/directCases.ts";
import { pdfText } from "./support/pdfText.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const parisDay = (offsetDays: number) => todayInParis(new Date(Date.now() + offsetDays * 86_400_000));
const REQUESTED_ON = parisDay(-20);
const HEALTH = "Hospitalisation en psychiatrie en février, suivi hebdomadaire au CMP.";
const EMAIL = "romane.quintavalle@exemple.fr";
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
  sensitive: { health: HEALTH },
};

type Problem = { code: string; detail: string; errors?: { path: string; code: string }[] };
type Export = {
  person: { lastName: string; email: string | null };
  cases: {
    id: string;
    reference: string;
    diagnosis: { data: { sensitive?: { health?: string } } } | null;
    sensitiveWithheld: boolean;
  }[];
};

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "GDPR rights and auditors' access"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    const sessions = {} as Record<keyof typeof DEMO_USERS | "parisColleague", Session>;
    let parisId = "";
    let caseId = "";
    let reference = "";
    let etag = "";
    let closedCase = { id: "", reference: "" };
    let clockOffsetMs = 0;

    const api = <T = Record<string, unknown>>(
      method: string,
      path: string,
      options: { session?: Session; body?: unknown; ifMatch?: string | null } = {},
    ): Promise<ApiResponse<T>> => call<T>(server.url, method, path, options);

    async function step(method: string, path: string, body: unknown): Promise<void> {
      const response = await api(method, `/api/v1/cases/${caseId}/${path}`, {
        session: sessions.parisCounsellor,
        body,
        ifMatch: etag,
      });
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      etag = response.etag ?? "";
    }

    const auditOf = (action: string, targetId: string) =>
      database.db.drizzle
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      parisId = await organisationIdNamed(database.db, "Agence de Paris");
      await addDemoAccount(database.db, {
        email: `collegue.rgpd@${DEMO_EMAIL_DOMAIN}`,
        role: "counsellor",
        organisationId: parisId,
      });
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000, now: () => new Date(Date.now() + clockOffsetMs) },
      });
      Object.assign(sessions, await signInAll(server.url));
      sessions.parisColleague = await signIn(server.url, `collegue.rgpd@${DEMO_EMAIL_DOMAIN}`);

      const created = await api<{ id: string; reference: string }>("POST", "/api/v1/cases", {
        session: sessions.parisCounsellor,
        body: {
          person: { firstName: "Romane", lastName: "Quintavalle", email: EMAIL, phone: "0611223344" },
          channel: "phone",
          requestedOn: REQUESTED_ON,
          consent: { processing: true, noticeVersion: "2025-11" },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      caseId = created.body.id;
      etag = created.etag ?? "";
      await step("POST", "eligibility", { situation: ELIGIBLE_FACTS, assessedOn: REQUESTED_ON });
      await step("POST", "decision", { decision: "admit" });
      await step("POST", "diagnosis/start", {});
      await step("PUT", "diagnosis", DIAGNOSIS);
      const read = await api<{ reference: string }>("GET", `/api/v1/cases/${caseId}`, {
        session: sessions.parisCounsellor,
      });
      reference = read.body.reference;
      // An earlier case of the same person in the same agency, closed, assigned to nobody.
      closedCase = await insertCase(database.db, {
        organisationId: parisId,
        firstName: "Romane",
        lastName: "Quintavalle",
        email: EMAIL,
        closedOn: "2024-03-01",
      });
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    describe("an auditor and case content", () => {
      it("refuses the case to an auditor without a justification, in French (403)", async () => {
        const detail = await api<Problem>("GET", `/api/v1/cases/${caseId}/justified-read`, {
          session: sessions.auditor,
        });
        expect(detail.status).toBe(403);
        expect(detail.contentType).toMatch(PROBLEM_JSON);
        expect(detail.body.code).toBe("justification_required");
        expect(detail.body.detail).toContain("justification écrite");
        const timeline = await api<Problem>("GET", `/api/v1/cases/${caseId}/justified-read/timeline`, {
          session: sessions.auditor,
        });
        expect(timeline.status).toBe(403);
        // The ordinary case routes stay closed to auditors, justification or not.
        const plain = await api<Problem>("GET", `/api/v1/cases/${caseId}`, { session: sessions.auditor });
        expect(plain.status).toBe(403);
      });

      it("refuses a justification shorter than 10 characters, naming the field (400)", async () => {
        const short = await api<Problem>("POST", `/api/v1/cases/${caseId}/access-justifications`, {
          session: sessions.auditor,
          body: { reason: "contrôle" },
        });
        expect(short.status).toBe(400);
        expect(short.body.errors?.map((error) => error.path)).toContain("/reason");
        const counsellor = await api<Problem>("POST", `/api/v1/cases/${caseId}/access-justifications`, {
          session: sessions.parisCounsellor,
          body: { reason: "Contrôle interne trimestriel" },
        });
        expect(counsellor.status).toBe(403);
      });

      it("opens the case read only for an hour once justified, each read audited with the justification's id", async () => {
        const justified = await api<{ id: string; expiresAt: string; grantedAt: string }>(
          "POST",
          `/api/v1/cases/${caseId}/access-justifications`,
          {
            session: sessions.auditor,
            body: { reason: "Réclamation n° 2026-114 transmise par le médiateur" },
          },
        );
        expect(justified.status, JSON.stringify(justified.body)).toBe(201);
        expect(Date.parse(justified.body.expiresAt) - Date.parse(justified.body.grantedAt)).toBe(3_600_000);

        const detail = await api<{ reference: string; person: { lastName: string } }>(
          "GET",
          `/api/v1/cases/${caseId}/justified-read`,
          { session: sessions.auditor },
        );
        expect(detail.status).toBe(200);
        expect(detail.body.reference).toBe(reference);
        expect(JSON.stringify(detail.body)).not.toContain(HEALTH);
        const timeline = await api<{ items: { type: string }[] }>(
          "GET",
          `/api/v1/cases/${caseId}/justified-read/timeline`,
          { session: sessions.auditor },
        );
        expect(timeline.status).toBe(200);
        expect(timeline.body.items.length).toBeGreaterThan(3);
        // Read only: the change routes still refuse an auditor.
        const change = await api<Problem>("POST", `/api/v1/cases/${caseId}/close`, {
          session: sessions.auditor,
          body: { reason: "resolved", on: parisDay(0) },
          ifMatch: etag,
        });
        expect(change.status).toBe(403);

        const recorded = await auditOf("case.access_justified", caseId);
        expect(recorded.map((event) => event.details.justificationId)).toEqual([justified.body.id]);
        // The reason stays out of the immutable trail.
        expect(JSON.stringify(recorded)).not.toContain("médiateur");
        const reads = (await auditOf("case.read", caseId)).filter(
          (event) => event.actorUserId === sessions.auditor.userId,
        );
        expect(reads.map((event) => event.details.justificationId)).toEqual([justified.body.id]);
        const timelineReads = (await auditOf("case.timeline_read", caseId)).filter(
          (event) => event.actorUserId === sessions.auditor.userId,
        );
        expect(timelineReads.map((event) => event.details.justificationId)).toEqual([justified.body.id]);
      });

      it("closes the case again an hour after the justification", async () => {
        clockOffsetMs = 61 * 60_000;
        try {
          // A fresh session at the later time: the earlier one has been idle too long by then.
          const later = await signIn(server.url, DEMO_USERS.auditor);
          const expired = await api<Problem>("GET", `/api/v1/cases/${caseId}/justified-read`, {
            session: later,
          });
          expect(expired.status).toBe(403);
          expect(expired.body.code).toBe("justification_required");
        } finally {
          clockOffsetMs = 0;
        }
        const stillOpen = await api("GET", `/api/v1/cases/${caseId}/justified-read`, {
          session: sessions.auditor,
        });
        expect(stillOpen.status).toBe(200);
      });

      it("keeps another case closed to the auditor: a justification opens one case only", async () => {
        const other = await api<Problem>("GET", `/api/v1/cases/${closedCase.id}/justified-read`, {
          session: sessions.auditor,
        });
        expect(other.status).toBe(403);
      });
    });

    describe("export of everything held about the person", () => {
      it("gives the counsellor in charge every case of the person in the agency, diagnosis decrypted", async () => {
        const exported = await api<Export>("GET", `/api/v1/cases/${caseId}/personal-data`, {
          session: sessions.parisCounsellor,
        });
        expect(exported.status, JSON.stringify(exported.body)).toBe(200);
        expect(exported.body.person).toMatchObject({ lastName: "Quintavalle", email: EMAIL });
        const byId = new Map(exported.body.cases.map((item) => [item.id, item]));
        expect([...byId.keys()].sort()).toEqual([caseId, closedCase.id].sort());
        expect(byId.get(caseId)?.diagnosis?.data.sensitive?.health).toBe(HEALTH);
        expect(byId.get(caseId)?.sensitiveWithheld).toBe(false);
        // The earlier case is nobody's: its sensitive topics are for the agency's manager only.
        expect(byId.get(closedCase.id)?.sensitiveWithheld).toBe(true);

        const audited = await auditOf("person.data_exported", caseId);
        expect(audited).toHaveLength(1);
        expect(((audited[0]?.details.caseIds ?? []) as string[]).sort()).toEqual(
          [caseId, closedCase.id].sort(),
        );
        expect(JSON.stringify(audited)).not.toContain("Quintavalle");
      });

      it("answers 404 to another agency and 403 to a colleague who does not follow the case", async () => {
        const lyon = await api<Problem>("GET", `/api/v1/cases/${caseId}/personal-data`, {
          session: sessions.lyonCounsellor,
        });
        expect(lyon.status).toBe(404);
        expect(lyon.contentType).toMatch(PROBLEM_JSON);
        const lyonPdf = await api<Problem>("GET", `/api/v1/cases/${caseId}/personal-data.pdf`, {
          session: sessions.lyonCounsellor,
        });
        expect(lyonPdf.status).toBe(404);
        const colleague = await api<Problem>("GET", `/api/v1/cases/${caseId}/personal-data`, {
          session: sessions.parisColleague,
        });
        expect(colleague.status).toBe(403);
      });

      it("renders a French PDF a reader can read, with the diagnosis", async () => {
        const response = await fetch(`${server.url}/api/v1/cases/${caseId}/personal-data.pdf`, {
          headers: { cookie: sessions.parisManager.cookie },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/pdf");
        const { text, pages } = await pdfText(new Uint8Array(await response.arrayBuffer()));
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(text).toContain("Données personnelles détenues par le service d'accompagnement social");
        expect(text).toContain(`Dossier ${reference}`);
        expect(text).toContain(`Dossier ${closedCase.reference}`);
        expect(text).toContain("Quintavalle");
        expect(text).toContain(HEALTH);
        expect(text).toContain("montant mensuel : 1 850,12 €");
      });
    });

    describe("rectification", () => {
      it("requires If-Match and keeps a way to reach the person", async () => {
        const without = await api<Problem>("PATCH", `/api/v1/cases/${caseId}/person`, {
          session: sessions.parisCounsellor,
          body: { lastName: "Quintavalle-Martin" },
        });
        expect(without.status).toBe(428);
        const noContact = await api<Problem>("PATCH", `/api/v1/cases/${caseId}/person`, {
          session: sessions.parisCounsellor,
          body: { email: null, phone: null },
          ifMatch: etag,
        });
        expect(noContact.status).toBe(400);
        expect(noContact.body.errors?.[0]?.code).toBe("CONTACT_REQUIRED");
        const empty = await api<Problem>("PATCH", `/api/v1/cases/${caseId}/person`, {
          session: sessions.parisCounsellor,
          body: {},
          ifMatch: etag,
        });
        expect(empty.status).toBe(400);
      });

      it("changes the fields sent, moves the ETag and shows on the timeline; the audit keeps field names only", async () => {
        const rectified = await api<{ person: { lastName: string; phone: string; email: string } }>(
          "PATCH",
          `/api/v1/cases/${caseId}/person`,
          {
            session: sessions.parisCounsellor,
            body: { lastName: " Quintavalle-Martin ", phone: "06 99 88 77 66", email: EMAIL },
            ifMatch: etag,
          },
        );
        expect(rectified.status, JSON.stringify(rectified.body)).toBe(200);
        expect(rectified.etag).not.toBe(etag);
        expect(rectified.body.person).toMatchObject({
          lastName: "Quintavalle-Martin",
          phone: "+33699887766",
          email: EMAIL,
        });
        const stale = await api<Problem>("PATCH", `/api/v1/cases/${caseId}/person`, {
          session: sessions.parisCounsellor,
          body: { firstName: "Romy" },
          ifMatch: etag,
        });
        expect(stale.status).toBe(412);
        etag = rectified.etag ?? "";

        const timeline = await api<{ items: { type: string; data: { fields?: string[] } }[] }>(
          "GET",
          `/api/v1/cases/${caseId}/timeline`,
          { session: sessions.parisCounsellor },
        );
        const event = timeline.body.items.at(-1);
        expect(event?.type).toBe("person_rectified");
        // The email sent was already the stored one: not a change.
        expect(event?.data.fields).toEqual(["lastName", "phone"]);
        const audited = await auditOf("case.person_rectified", caseId);
        expect(audited).toHaveLength(1);
        expect(audited[0]?.details.fields).toEqual(["lastName", "phone"]);
        expect(JSON.stringify(audited)).not.toMatch(/Martin|699887766/);
      });
    });

    describe("erasure", () => {
      it("refuses an open case, in French (409)", async () => {
        const refused = await api<Problem>("POST", `/api/v1/cases/${caseId}/erasure`, {
          session: sessions.parisCounsellor,
          body: { reason: "La personne retire son consentement." },
        });
        expect(refused.status).toBe(409);
        expect(refused.contentType).toMatch(PROBLEM_JSON);
        expect(refused.body.code).toBe("case_in_progress");
        expect(refused.body.detail).toContain("clôturé");
        const [row] = await database.db.drizzle.select().from(cases).where(eq(cases.id, caseId));
        expect(row?.personLastName).toBe("Quintavalle-Martin");
      });

      it("refuses a closed case whose loan is still being repaid (accounting obligations)", async () => {
        const withLoan = await insertCase(database.db, {
          organisationId: parisId,
          firstName: "Léon",
          lastName: "Prêtavant",
          phone: "+33612121212",
          closedOn: "2025-02-01",
        });
        const [product] = await database.db.drizzle
          .insert(aidProducts)
          .values({
            code: "PRET_TEST_RGPD",
            version: 1,
            kind: "loan",
            name: "Prêt d'accompagnement (test)",
            maxAmountCents: 500_000,
            maxDurationMonths: 36,
            directives: ["PP_SERV_ASD_2_DIR"],
            appliesFrom: "2025-01-01",
            reason: "Produit du test",
          })
          .returning();
        await database.db.drizzle.insert(aids).values({
          caseId: withLoan.id,
          organisationId: parisId,
          year: 2025,
          productId: product?.id as string,
          kind: "loan",
          productName: product?.name ?? "Prêt",
          rateBp: 0,
          durationMonths: 24,
          deferralMonths: 0,
          amountCents: 150_000,
          status: "repaying",
          proposedByUserId: sessions.parisManager.userId,
        });
        const refused = await api<Problem>("POST", `/api/v1/cases/${withLoan.id}/erasure`, {
          session: sessions.parisManager,
          body: { reason: "La personne retire son consentement." },
        });
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe("aid_in_progress");
        expect(refused.body.detail).toContain("remboursement");
        const [row] = await database.db.drizzle.select().from(cases).where(eq(cases.id, withLoan.id));
        expect(row?.personLastName).toBe("Prêtavant");
      });

      it("erases a closed case at once: the name is gone from the database, the audit chain still verifies", async () => {
        const lyon = await api<Problem>("POST", `/api/v1/cases/${closedCase.id}/erasure`, {
          session: sessions.lyonCounsellor,
          body: { reason: "La personne retire son consentement." },
        });
        expect(lyon.status).toBe(404);
        const erased = await api<{ replaced: Record<string, number> }>(
          "POST",
          `/api/v1/cases/${closedCase.id}/erasure`,
          { session: sessions.parisManager, body: { reason: "La personne retire son consentement." } },
        );
        expect(erased.status, JSON.stringify(erased.body)).toBe(200);
        expect(erased.body.replaced.cases).toBe(1);

        const [row] = await database.db.drizzle.select().from(cases).where(eq(cases.id, closedCase.id));
        expect(row?.personEmail).toBeNull();
        const holdingName = await database.db.drizzle
          .select({ id: cases.id })
          .from(cases)
          .where(
            and(
              eq(cases.id, closedCase.id),
              sql`(concat_ws(' ', ${cases.personFirstName}, ${cases.personLastName}, ${cases.personEmail}, ${cases.preferredTimes}) ilike '%quintavalle%' or ${cases.personFirstName} ilike '%romane%')`,
            ),
          );
        expect(holdingName).toEqual([]);

        const audited = await auditOf("case.anonymised", closedCase.id);
        expect(audited).toHaveLength(1);
        expect(audited[0]?.details.via).toBe("erasure_request");
        expect(JSON.stringify(audited)).not.toMatch(/Quintavalle|Romane|consentement/);
        const chain = await verifyAuditChain(database.db.drizzle);
        expect(chain.breaks).toEqual([]);
        expect(chain.count).toBeGreaterThan(10);

        const again = await api<Problem>("POST", `/api/v1/cases/${closedCase.id}/erasure`, {
          session: sessions.parisManager,
          body: { reason: "La personne retire son consentement." },
        });
        expect(again.status).toBe(409);
        expect(again.body.code).toBe("already_erased");
        const read = await api("GET", `/api/v1/cases/${closedCase.id}`, { session: sessions.parisManager });
        const rectify = await api<Problem>("PATCH", `/api/v1/cases/${closedCase.id}/person`, {
          session: sessions.parisManager,
          body: { lastName: "Quintavalle" },
          ifMatch: read.etag,
        });
        expect(rectify.status).toBe(409);
        expect(rectify.body.code).toBe("personal_data_erased");
        // The open case of the same person is untouched, and its export no longer finds the erased one.
        const exported = await api<Export>("GET", `/api/v1/cases/${caseId}/personal-data`, {
          session: sessions.parisCounsellor,
        });
        expect(exported.body.cases.map((item) => item.id)).toEqual([caseId]);
      });

      it("lists the routes in the OpenAPI document", async () => {
        const document = await api<{ paths: Record<string, Record<string, unknown>> }>(
          "GET",
          "/api/v1/openapi.json",
        );
        expect(document.status).toBe(200);
        const paths = document.body.paths;
        expect(Object.keys(paths["/api/v1/cases/{id}/access-justifications"] ?? {})).toContain("post");
        expect(Object.keys(paths["/api/v1/cases/{id}/justified-read"] ?? {})).toContain("get");
        expect(Object.keys(paths["/api/v1/cases/{id}/personal-data"] ?? {})).toContain("get");
        expect(Object.keys(paths["/api/v1/cases/{id}/personal-data.pdf"] ?? {})).toContain("get");
        expect(Object.keys(paths["/api/v1/cases/{id}/person"] ?? {})).toContain("patch");
        expect(Object.keys(paths["/api/v1/cases/{id}/erasure"] ?? {})).toContain("post");
      });

      it("keeps personal data out of the logs", () => {
        const logs = logLines.join("\n");
        expect(logs.length).toBeGreaterThan(0);
        for (const value of ["Quintavalle", EMAIL, HEALTH, "médiateur"]) expect(logs).not.toContain(value);
      });
    });
  });
}
