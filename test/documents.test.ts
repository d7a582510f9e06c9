// The documents of a case over real HTTP, on both databases: uploads whose type is read from the content,
// downloads byte for byte, agency scoping, the refusal letter and the engagement PDF, and the one-time link
// through which the person accepts the engagement (which signs it, once).
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, caseActions, caseDocuments, caseEvents } from "../src/db/schema/index.ts";
import { renderPdf } from "../src/pdf/render.ts";
import { DEMO_USERS, ELIGIBLE_FACTS, type Session, signIn } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import { elfProgram, PNG_1PX, SHELL_SCRIPT } from "./support/files.ts";
import { pdfText } from "./support/pdfText.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const DAY = 24 * 60 * 60 * 1000;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Case documents"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let clockOffsetMs = 0;
    let paris: Session;
    let lyon: Session;
    let manager: Session;
    const logLines: string[] = [];
    const tokens: string[] = [];

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000, now: () => new Date(Date.now() + clockOffsetMs) },
      });
      paris = await signIn(server.url, DEMO_USERS.parisCounsellor);
      lyon = await signIn(server.url, DEMO_USERS.lyonCounsellor);
      manager = await signIn(server.url, DEMO_USERS.parisManager);
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    function headers(session: Session | undefined, extra: Record<string, string> = {}) {
      return {
        ...(session === undefined ? {} : { cookie: session.cookie, "x-csrf-token": session.csrfToken }),
        ...extra,
      };
    }

    async function json(method: string, path: string, session?: Session, body?: unknown, ifMatch?: string) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: headers(session, {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
        }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get("etag") ?? "",
        contentType: response.headers.get("content-type") ?? "",
        body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown>,
      };
    }

    /** A case of the Paris agency, followed by the Paris counsellor, taken through `steps`; its id and ETag. */
    async function caseAt(
      steps: ("assess" | "admit" | "refuse" | "diagnosis" | "plan")[],
      name = { firstName: "Hélène", lastName: "Lefèvre-Çelik" },
    ) {
      const created = await json("POST", "/api/v1/cases", paris, {
        person: { ...name, phone: "06 12 34 56 78" },
        channel: "phone",
        requestedOn: "2025-12-01",
        consent: { processing: true, noticeVersion: "2025-11" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      let etag = created.etag;
      const paths = {
        assess: ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2025-12-02" }],
        admit: ["decision", { decision: "admit" }],
        refuse: [
          "decision",
          {
            decision: "refuse",
            motive: "Votre situation relève déjà du FSL de Paris, saisi le 28 novembre.",
          },
        ],
        diagnosis: ["diagnosis/start", {}],
        plan: ["plan/propose", {}],
      } as const;
      for (const step of steps) {
        if (step === "plan") await addActions(id);
        const [path, body] = paths[step];
        const moved = await json("POST", `/api/v1/cases/${id}/${path}`, paris, body, etag);
        expect(moved.status, `${step}: ${JSON.stringify(moved.body)}`).toBe(200);
        etag = moved.etag;
      }
      return { id, etag };
    }

    /** The plan's actions, written as the plan's own routes would store them. */
    async function addActions(caseId: string) {
      await database.db.drizzle.insert(caseActions).values([
        {
          caseId,
          kind: "external_aid",
          externalAid: "fsl",
          title: "Déposer le dossier FSL maintien",
          owner: "beneficiary",
          dueOn: "2025-12-20",
          status: "planned",
        },
        {
          caseId,
          kind: "al_product",
          title: "Étudier un prêt pour apurer la dette de loyer",
          owner: "counsellor",
          dueOn: "2026-01-15",
          status: "planned",
        },
        {
          caseId,
          kind: "other",
          title: "Action abandonnée",
          owner: "beneficiary",
          dueOn: "2026-01-10",
          status: "cancelled",
        },
      ]);
    }

    async function upload(
      caseId: string,
      file: { bytes: Uint8Array; name: string; type?: string },
      options: { session?: Session; ifMatch?: string; fields?: Record<string, string> } = {},
    ) {
      const form = new FormData();
      for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
      form.append(
        "file",
        new Blob([Buffer.from(file.bytes)], { type: file.type ?? "application/pdf" }),
        file.name,
      );
      const response = await fetch(`${server.url}/api/v1/cases/${caseId}/documents`, {
        method: "POST",
        headers: headers(
          options.session ?? paris,
          options.ifMatch === undefined ? {} : { "if-match": options.ifMatch },
        ),
        body: form,
      });
      return {
        status: response.status,
        etag: response.headers.get("etag") ?? "",
        contentType: response.headers.get("content-type") ?? "",
        body: (await response.json()) as Record<string, unknown>,
      };
    }

    const storedDocuments = async (caseId: string) =>
      (
        await database.db.drizzle
          .select({ n: count() })
          .from(caseDocuments)
          .where(eq(caseDocuments.caseId, caseId))
      )[0]?.n;

    /** GET of a file, by `session` (null: without one). */
    async function download(path: string, session: Session | null = paris) {
      const response = await fetch(`${server.url}${path}`, { headers: headers(session ?? undefined) });
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    }

    it("keeps a real PDF and PNG, and gives them back byte for byte with their checksum", async () => {
      const { id, etag } = await caseAt(["assess", "admit"]);
      const pdf = await renderPdf({ content: ["Avis d'échéance de loyer — décembre 2025"] });
      const first = await upload(id, { bytes: pdf, name: "Avis d'échéance.pdf" }, { ifMatch: etag });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({
        caseId: id,
        actionId: null,
        kind: "attachment",
        originalName: "Avis d'échéance.pdf",
        mediaType: "application/pdf",
        sizeBytes: pdf.length,
        sha256: sha256(pdf),
        uploadedBy: { name: expect.stringContaining("Claire Fontaine") },
      });
      expect(first.etag).not.toBe(etag);
      // What the database holds is sealed: a copy of the table shows neither the file nor its text.
      const [stored] = await database.db.drizzle
        .select({ content: caseDocuments.content, keyId: caseDocuments.contentKeyId })
        .from(caseDocuments)
        .where(eq(caseDocuments.id, String(first.body.id)));
      expect(stored?.keyId).toMatch(/^[0-9a-f]{8}$/);
      expect(Buffer.from(stored?.content ?? []).includes(Buffer.from("%PDF"))).toBe(false);
      expect(Buffer.from(stored?.content ?? []).equals(Buffer.from(pdf))).toBe(false);
      // A PNG sent as « application/pdf »: the type kept is the one read from the content.
      const second = await upload(
        id,
        { bytes: PNG_1PX, name: "quittance.png", type: "application/pdf" },
        { ifMatch: first.etag },
      );
      expect(second.status).toBe(201);
      expect(second.body.mediaType).toBe("image/png");

      const list = await json("GET", `/api/v1/cases/${id}/documents`, paris);
      expect(list.status).toBe(200);
      expect((list.body.items as { originalName: string }[]).map((d) => d.originalName)).toEqual([
        "Avis d'échéance.pdf",
        "quittance.png",
      ]);

      for (const [document, bytes, type] of [
        [first.body, pdf, "application/pdf"],
        [second.body, PNG_1PX, "image/png"],
      ] as const) {
        const { response, bytes: received } = await download(`/api/v1/cases/${id}/documents/${document.id}`);
        expect(response.status).toBe(200);
        expect(Buffer.from(received).equals(Buffer.from(bytes))).toBe(true);
        expect(sha256(received)).toBe(document.sha256);
        expect(response.headers.get("content-type")).toBe(type);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
        expect(response.headers.get("cache-control")).toBe("no-store");
      }
      expect(
        (await download(`/api/v1/cases/${id}/documents/${first.body.id}`)).response.headers.get(
          "content-disposition",
        ),
      ).toBe(
        `attachment; filename="Avis d'echeance.pdf"; filename*=UTF-8''Avis%20d%27%C3%A9ch%C3%A9ance.pdf`,
      );

      // Every download is in the audit trail, without the file's name; the upload is on the timeline.
      const downloads = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, "case.document_downloaded"),
            eq(auditEvents.targetId, first.body.id as string),
          ),
        );
      expect(downloads.length).toBe(2);
      expect(JSON.stringify(downloads)).not.toContain("échéance");
      const timeline = await json("GET", `/api/v1/cases/${id}/timeline`, paris);
      expect(JSON.stringify(timeline.body)).toContain("document_added");
    });

    it("refuses a « .pdf » that is a program or a script, in French, and stores nothing", async () => {
      const { id, etag } = await caseAt(["assess", "admit"]);
      const elf = await upload(id, { bytes: elfProgram(), name: "releve-bancaire.pdf" }, { ifMatch: etag });
      expect(elf.status).toBe(415);
      expect(elf.contentType).toMatch(PROBLEM_JSON);
      expect(elf.body).toMatchObject({ code: "document_type_refused", title: "Type de fichier refusé" });
      expect(elf.body.detail).toContain("« releve-bancaire.pdf » n'est pas un document");
      expect(elf.body.detail).toContain("programme exécutable (ELF)");
      const script = await upload(id, { bytes: SHELL_SCRIPT, name: "avis.pdf" }, { ifMatch: etag });
      expect(script.status).toBe(415);
      expect(script.body.detail).toContain("son contenu est un script");
      expect(await storedDocuments(id)).toBe(0);
      // Nothing changed: the case keeps its version.
      expect((await json("GET", `/api/v1/cases/${id}`, paris)).etag).toBe(etag);
    });

    it("refuses a file of 10 MiB and one byte with a 413 and stores nothing, but keeps one over 1 MiB", async () => {
      const { id, etag } = await caseAt(["assess", "admit"]);
      const scan = (size: number) => Buffer.concat([PNG_1PX, Buffer.alloc(size - PNG_1PX.length)]);
      const tooLarge = await upload(
        id,
        { bytes: scan(10 * 1024 * 1024 + 1), name: "scan.png" },
        { ifMatch: etag },
      );
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.contentType).toMatch(PROBLEM_JSON);
      expect(tooLarge.body).toMatchObject({ code: "document_too_large", title: "Fichier trop volumineux" });
      expect(tooLarge.body.detail).toContain("10 Mo");
      expect(await storedDocuments(id)).toBe(0);
      // The upload has its own limit (the unit tests take it to exactly 10 MiB); the rest of the API keeps
      // the global 1 MiB body limit.
      const twoMiB = scan(2 * 1024 * 1024);
      const kept = await upload(id, { bytes: twoMiB, name: "scan.png" }, { ifMatch: etag });
      expect(kept.status).toBe(201);
      expect(kept.body).toMatchObject({ sizeBytes: twoMiB.length, sha256: sha256(twoMiB) });
      const big = await json("POST", `/api/v1/cases/${id}/decision`, paris, {
        motive: "x".repeat(1_100_000),
      });
      expect(big.status).toBe(413);
    });

    it("needs If-Match, the CSRF token and a multipart body; another agency gets 404 everywhere", async () => {
      const { id, etag } = await caseAt(["assess", "admit"]);
      const stored = await upload(id, { bytes: PNG_1PX, name: "a.png" }, { ifMatch: etag });
      expect(stored.status).toBe(201);
      expect((await upload(id, { bytes: PNG_1PX, name: "b.png" })).status).toBe(428);
      expect((await upload(id, { bytes: PNG_1PX, name: "b.png" }, { ifMatch: etag })).status).toBe(412);
      const noCsrf = await fetch(`${server.url}/api/v1/cases/${id}/documents`, {
        method: "POST",
        headers: { cookie: paris.cookie, "if-match": stored.etag },
        body: new FormData(),
      });
      expect(noCsrf.status).toBe(403);
      expect(
        (await json("POST", `/api/v1/cases/${id}/documents`, paris, { file: "x" }, stored.etag)).status,
      ).toBe(415);

      const documentPath = `/api/v1/cases/${id}/documents/${stored.body.id}`;
      for (const response of [
        await json("GET", `/api/v1/cases/${id}/documents`, lyon),
        (await download(documentPath, lyon)).response,
        await upload(id, { bytes: PNG_1PX, name: "c.png" }, { session: lyon, ifMatch: stored.etag }),
        (await download(`/api/v1/cases/${id}/letters/refusal.pdf`, lyon)).response,
        (await download(`/api/v1/cases/${id}/engagement.pdf`, lyon)).response,
      ]) {
        expect(response.status).toBe(404);
      }
      // The agency's manager reads them; nobody reads them without a session.
      expect((await json("GET", `/api/v1/cases/${id}/documents`, manager)).status).toBe(200);
      expect((await download(documentPath, null)).response.status).toBe(401);
      expect((await download(`/api/v1/cases/${id}/documents/${crypto.randomUUID()}`)).response.status).toBe(
        404,
      );
    });

    it("attaches a file to an action of the plan, and a signed engagement only once there is a plan", async () => {
      const admitted = await caseAt(["assess", "admit"]);
      const early = await upload(
        admitted.id,
        { bytes: PNG_1PX, name: "engagement-signe.png" },
        { ifMatch: admitted.etag, fields: { kind: "signed_engagement" } },
      );
      expect(early.status).toBe(409);
      expect(early.body.title).toBe("Pas encore d'engagement réciproque");

      const planned = await caseAt(["assess", "admit", "diagnosis", "plan"]);
      const [action] = await database.db.drizzle
        .select({ id: caseActions.id })
        .from(caseActions)
        .where(eq(caseActions.caseId, planned.id))
        .limit(1);
      const signed = await upload(
        planned.id,
        { bytes: PNG_1PX, name: "engagement-signe.png" },
        { ifMatch: planned.etag, fields: { kind: "signed_engagement", actionId: action?.id ?? "" } },
      );
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      expect(signed.body).toMatchObject({ kind: "signed_engagement", actionId: action?.id });
      const foreignAction = await upload(
        planned.id,
        { bytes: PNG_1PX, name: "x.png" },
        { ifMatch: signed.etag, fields: { actionId: crypto.randomUUID() } },
      );
      expect(foreignAction.status).toBe(400);
      expect(foreignAction.body.errors).toEqual([expect.objectContaining({ path: "/actionId" })]);
    });

    it("gives the refusal letter of a refused case only, with the person, the motive and the directive", async () => {
      const admitted = await caseAt(["assess", "admit"]);
      const notRefused = await json("GET", `/api/v1/cases/${admitted.id}/letters/refusal.pdf`, paris);
      expect(notRefused.status).toBe(409);
      expect(notRefused.body.detail).toContain("demande a été refusée");

      const refused = await caseAt(["assess", "refuse"], { firstName: "Noël", lastName: "Lœwy" });
      const { response, bytes } = await download(`/api/v1/cases/${refused.id}/letters/refusal.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="lettre-de-refus-ASD-2025-\d{6}\.pdf"/,
      );
      const { text } = await pdfText(bytes);
      expect(text).toContain("Noël Lœwy");
      expect(text).toContain("Agence de Paris");
      expect(text).toContain("Résultat de l'examen de votre éligibilité : éligible.");
      expect(text).toContain(
        "Motif de la décision : Votre situation relève déjà du FSL de Paris, saisi le 28 novembre.",
      );
      expect(text).toContain("Directive appliquée : PP_SERV_ASD_2_DIR");
      expect(text).toContain("(PP_SERV_ASD_2_DIR/principes/6)");
      expect(text).toContain("Dossier suivi par : Claire Fontaine");
      const generated = await database.db.drizzle
        .select({ n: count() })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "case.refusal_letter_generated"), eq(auditEvents.targetId, refused.id)),
        );
      expect(generated[0]?.n).toBe(1);
    });

    it("gives the engagement from the plan on, with the plan's actions still in force", async () => {
      const diagnosis = await caseAt(["assess", "admit", "diagnosis"]);
      expect((await json("GET", `/api/v1/cases/${diagnosis.id}/engagement.pdf`, paris)).status).toBe(409);
      const planned = await caseAt(["assess", "admit", "diagnosis", "plan"]);
      const { response, bytes } = await download(`/api/v1/cases/${planned.id}/engagement.pdf`);
      expect(response.status).toBe(200);
      const { text } = await pdfText(bytes);
      expect(text).toContain("Hélène Lefèvre-Çelik, ci-après « le bénéficiaire »");
      expect(text).toContain(
        "Déposer le dossier FSL maintien Fonds de solidarité pour le logement (FSL) Le bénéficiaire 20 décembre 2025",
      );
      expect(text).toContain("Étudier un prêt pour apurer la dette de loyer");
      expect(text).toContain("Le conseiller social 15 janvier 2026");
      expect(text).not.toContain("Action abandonnée");
      expect(text).toContain("Le cas échéant, ce document formalise votre adhésion");
      expect(text).toContain("Lu et approuvé");
    });

    it("lets the person accept the engagement once through the link, which signs it", async () => {
      const planned = await caseAt(["assess", "admit", "diagnosis", "plan"]);
      const noIfMatch = await json("POST", `/api/v1/cases/${planned.id}/engagement/link`, paris);
      expect(noIfMatch.status).toBe(428);
      expect(
        (await json("POST", `/api/v1/cases/${planned.id}/engagement/link`, lyon, undefined, planned.etag))
          .status,
      ).toBe(404);
      const created = await json(
        "POST",
        `/api/v1/cases/${planned.id}/engagement/link`,
        paris,
        undefined,
        planned.etag,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const token = created.body.token as string;
      tokens.push(token);
      expect(created.body.path).toBe(`/engagement/${token}`);
      expect(Date.parse(created.body.expiresAt as string) - Date.now()).toBeGreaterThan(13.9 * DAY);
      // Only the token's hash is stored.
      expect(JSON.stringify(await database.db.drizzle.select().from(caseEvents))).not.toContain(token);

      const summary = await json("GET", `/api/v1/engagements/${token}`);
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({
        person: "Hélène Lefèvre-Çelik",
        agency: "Agence de Paris",
        counsellor: expect.stringContaining("Claire Fontaine"),
        directive: "PP_SERV_ASD_2_DIR",
      });
      expect(summary.body.actions).toEqual([
        expect.objectContaining({ title: "Déposer le dossier FSL maintien", ownerLabel: "Le bénéficiaire" }),
        expect.objectContaining({
          title: "Étudier un prêt pour apurer la dette de loyer",
          dueOn: "2026-01-15",
        }),
      ]);
      const pdf = await download(`/api/v1/engagements/${token}/engagement.pdf`, null);
      expect(pdf.response.status).toBe(200);
      expect((await pdfText(pdf.bytes)).text).toContain("Engagement réciproque");

      expect((await json("POST", `/api/v1/engagements/${token}`, undefined, { accept: false })).status).toBe(
        400,
      );
      const accepted = await json("POST", `/api/v1/engagements/${token}`, undefined, { accept: true });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
      expect(accepted.body).toMatchObject({ acceptedOn: today });

      const detail = await json("GET", `/api/v1/cases/${planned.id}`, paris);
      expect(detail.body).toMatchObject({ status: "engagement" });
      expect(JSON.stringify(detail.body)).toContain(today);
      const timeline = JSON.stringify(
        (await json("GET", `/api/v1/cases/${planned.id}/timeline`, paris)).body,
      );
      expect(timeline).toContain("engagement_signed");
      expect(timeline).toContain("engagement_accepted_online");
      const signedAudit = await database.db.drizzle
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "case.signEngagement"), eq(auditEvents.targetId, planned.id)));
      expect(signedAudit).toEqual([
        { details: expect.objectContaining({ method: "one_time_link", to: "engagement" }) },
      ]);

      const again = await json("POST", `/api/v1/engagements/${token}`, undefined, { accept: true });
      expect(again.status).toBe(410);
      expect(again.contentType).toMatch(PROBLEM_JSON);
      expect(again.body).toMatchObject({ code: "link_used", title: "Lien déjà utilisé" });
      expect((await json("GET", `/api/v1/engagements/${token}`)).status).toBe(410);
      expect((await json("GET", `/api/v1/engagements/${"x".repeat(43)}`)).status).toBe(404);

      const engagement = await download(`/api/v1/cases/${planned.id}/engagement.pdf`);
      expect((await pdfText(engagement.bytes)).text).toContain("l'a accepté en ligne le");
    });

    it("makes a link stop working after 14 days, and when a newer one is created", async () => {
      const planned = await caseAt(["assess", "admit", "diagnosis", "plan"]);
      const first = await json(
        "POST",
        `/api/v1/cases/${planned.id}/engagement/link`,
        paris,
        undefined,
        planned.etag,
      );
      const second = await json(
        "POST",
        `/api/v1/cases/${planned.id}/engagement/link`,
        paris,
        undefined,
        first.etag,
      );
      expect(second.status).toBe(201);
      const replaced = await json("POST", `/api/v1/engagements/${first.body.token}`, undefined, {
        accept: true,
      });
      expect(replaced.status).toBe(410);
      expect(replaced.body.code).toBe("link_revoked");

      clockOffsetMs = 14 * DAY + 60_000;
      try {
        const expired = await json("POST", `/api/v1/engagements/${second.body.token}`, undefined, {
          accept: true,
        });
        expect(expired.status).toBe(410);
        expect(expired.body).toMatchObject({ code: "link_expired", title: "Lien expiré" });
      } finally {
        clockOffsetMs = 0;
      }
      expect((await json("GET", `/api/v1/cases/${planned.id}`, paris)).body).toMatchObject({
        status: "action_plan",
      });
    });

    it("lists the documents routes and payloads in the OpenAPI document", async () => {
      const document = (await json("GET", "/api/v1/openapi.json")).body as {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
        components: { schemas: Record<string, unknown> };
      };
      for (const path of [
        "/api/v1/cases/{id}/documents",
        "/api/v1/cases/{id}/documents/{documentId}",
        "/api/v1/cases/{id}/letters/refusal.pdf",
        "/api/v1/cases/{id}/engagement.pdf",
        "/api/v1/cases/{id}/engagement/link",
        "/api/v1/engagements/{token}",
        "/api/v1/engagements/{token}/engagement.pdf",
      ]) {
        expect(document.paths, path).toHaveProperty([path]);
      }
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(["CaseDocument", "CaseDocumentList", "EngagementLink", "EngagementSummary"]),
      );
      expect(document.paths["/api/v1/cases/{id}/documents"]?.post?.requestBody?.content).toHaveProperty([
        "multipart/form-data",
      ]);
    });

    it("never writes names, file names or link tokens to the logs", () => {
      const logs = logLines.join("\n");
      expect(logLines.length).toBeGreaterThan(50);
      for (const secret of ["Lefèvre", "Lœwy", "Hélène", "releve-bancaire", "échéance", ...tokens]) {
        expect(logs, secret).not.toContain(secret);
      }
    });

    it("creates no link where the engagement cannot be signed", async () => {
      const admitted = await caseAt(["assess", "admit"]);
      const refused = await json(
        "POST",
        `/api/v1/cases/${admitted.id}/engagement/link`,
        paris,
        undefined,
        admitted.etag,
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("engagement_not_signable");
    });

    // Last: it spends this address's allowance on the public link routes.
    it("limits the public link routes per address", async () => {
      let limited: Awaited<ReturnType<typeof json>> | undefined;
      for (let i = 0; i <= 30 && limited === undefined; i++) {
        const response = await json("GET", `/api/v1/engagements/${"y".repeat(43)}`);
        if (response.status === 429) limited = response;
        else expect(response.status).toBe(404);
      }
      expect(limited?.contentType).toMatch(PROBLEM_JSON);
    });
  });
}
