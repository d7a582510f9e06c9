// /api/v1/finance/aids: propose a loan or a grant on a case, then approve (four-eyes above the threshold),
// refuse, cancel, disburse and record repayments; read an aid and a loan's schedule. Approval and
// disbursement honour an Idempotency-Key header: a retried request gets the first answer and never pays
// twice. Every change and its audit entry land in one transaction.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import {
  AidViewSchema,
  DecisionSchema,
  DisbursementSchema,
  DisbursementViewSchema,
  EarlyRepaymentSchema,
  ProposalSchema,
  ReasonRequiredSchema,
  RepaymentSchema,
  ScheduleViewSchema,
  WithdrawalSchema,
} from "../../../contracts/finance.ts";
import { type Action, type Actor, isAllowed, isInScope, scopeOf } from "../../../core/access/index.ts";
import { AID_STATUSES, type AidStatus, arrearsOn, totalPaid } from "../../../core/finance/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import type { Database, Drizzle } from "../../../db/database.ts";
import {
  type AidRow,
  approveAid,
  closeAid,
  disburseAid,
  type FinanceActor,
  flagArrears,
  instalmentPayments,
  type LoanPosition,
  loanPosition,
  proposeAid,
  recordEarlyRepayment,
  recordFinanceAudit,
  recordRepayment,
  withdrawAid,
  writeOff,
} from "../../../db/finance/aids.ts";
import { FinanceNotFoundError } from "../../../db/finance/errors.ts";
import { maskIban, validIban } from "../../../db/finance/iban.ts";
import { idempotent } from "../../../db/finance/idempotency.ts";
import { staffMember, staffNames } from "../../../db/finance/staffNames.ts";
import { aids } from "../../../db/schema/index.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { loadCaseInScope } from "../cases/caseAccess.ts";
import {
  asProblems,
  financeActor,
  idempotencyKeyOf,
  inMoneyLane,
  invalidField,
  requireCalendarDate,
} from "./financeAccess.ts";
import { financeMessages } from "./messages.fr.ts";
import type { MoneyLane } from "./moneyLane.ts";

const AidParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/** An aid as answered, naming who proposed it and who decided (`names` from `staffNames`). */
export function aidView(row: AidRow, names: ReadonlyMap<string, string>, message: string | null = null) {
  return {
    id: row.id,
    caseId: row.caseId,
    organisationId: row.organisationId,
    year: row.year,
    allocationCode: row.allocationCode,
    productId: row.productId,
    kind: row.kind,
    productName: row.productName,
    rateBp: row.rateBp,
    durationMonths: row.durationMonths,
    deferralMonths: row.deferralMonths,
    amountCents: row.amountCents,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    proposedByUserId: row.proposedByUserId,
    proposedBy: { id: row.proposedByUserId, displayName: names.get(row.proposedByUserId) ?? "" },
    firstApprovedByUserId: row.firstApprovedByUserId,
    firstApprovedBy: staffMember(names, row.firstApprovedByUserId),
    decidedByUserId: row.decidedByUserId,
    decidedBy: staffMember(names, row.decidedByUserId),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    message,
  };
}

const peopleOf = (row: AidRow) => [row.proposedByUserId, row.firstApprovedByUserId, row.decidedByUserId];

/** One aid as answered, its people's names read in `db` (the request's transaction when there is one). */
async function aidAnswer(db: Drizzle, row: AidRow, message: string | null = null) {
  return aidView(row, await staffNames(db, peopleOf(row)), message);
}

/** The statuses of `?status=a,b`: every one must be known (400 on `/status` otherwise). */
function statusFilter(value: string): AidStatus[] {
  const statuses = value.split(",").map((part) => part.trim());
  const unknown = statuses.find((part) => !(AID_STATUSES as readonly string[]).includes(part));
  if (unknown !== undefined) {
    throw invalidField("/status", "enum", financeMessages.statusUnknown(unknown, AID_STATUSES));
  }
  return statuses as AidStatus[];
}

function permissionActor(actor: FinanceActor): Actor {
  return { userId: actor.userId, role: actor.role as Actor["role"], organisationId: actor.organisationId };
}

/** An aid within the actor's scope for `action` (all for controllers, their agency's otherwise), else 404. */
async function aidInScope(
  db: Drizzle,
  actor: FinanceActor,
  id: string,
  action: Action = "envelope.read",
): Promise<AidRow> {
  const [row] = await db.select().from(aids).where(eq(aids.id, id));
  if (
    row === undefined ||
    !isInScope(permissionActor(actor), action, { organisationId: row.organisationId })
  ) {
    throw new FinanceNotFoundError("aid");
  }
  return row;
}

/** A loan's schedule as read on `asOf`: rows, what was received, what is outstanding, what is overdue. */
function scheduleView(aid: AidRow, position: LoanPosition, asOf: string) {
  const arrears = arrearsOn(position.schedule, instalmentPayments(position), asOf);
  const received = position.repayments
    .filter((repayment) => repayment.receivedOn <= asOf)
    .reduce((total, repayment) => total + repayment.amountCents, 0);
  return {
    aidId: aid.id,
    asOf,
    rows: position.schedule.rows.map((row) => ({
      number: row.number,
      dueDate: row.dueDate,
      instalmentCents: row.instalment,
      interestCents: row.interest,
      principalCents: row.principal,
      remainingCents: row.remaining,
    })),
    totalCents: totalPaid(position.schedule),
    receivedCents: received,
    outstandingCents: position.outstandingCents,
    arrearsCents: arrears.arrears,
    overdue: arrears.overdue.map((item) => ({
      number: item.number,
      dueDate: item.dueDate,
      outstandingCents: item.outstanding,
      daysLate: item.daysLate,
    })),
  };
}

/** As `inMoneyLane`, behind the request's Idempotency-Key when it carries one. */
async function moneyMove(
  db: Drizzle,
  lane: MoneyLane,
  request: FastifyRequest,
  actor: FinanceActor,
  work: (tx: Drizzle) => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown }> {
  const key = idempotencyKeyOf(request);
  return inMoneyLane(db, lane, (tx) =>
    key === undefined
      ? work(tx)
      : idempotent(
          tx,
          {
            actorUserId: actor.userId,
            key,
            route: `${request.method} ${request.url.split("?")[0]}`,
            body: request.body,
          },
          () => work(tx),
        ),
  );
}

export async function aidRoutes(app: AppInstance, options: { db: Database; lane: MoneyLane }): Promise<void> {
  const db = options.db.drizzle;
  const { lane } = options;

  app.post(
    "/api/v1/finance/aids",
    {
      config: { permission: "aids.propose" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.propose,
        body: ProposalSchema,
        response: { 201: AidViewSchema, 202: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      // A case outside the caller's agency is a 404, a colleague's case a 403 (as every case route).
      await loadCaseInScope(db, request, request.body.caseId, "aids.propose");
      const result = await inMoneyLane(db, lane, (tx) =>
        proposeAid(tx, request.body, actor, todayInParis(), (resource) =>
          isInScope(permissionActor(actor), "aids.propose", resource),
        ),
      );
      return reply
        .code(result.aid.status === "queued" ? 202 : 201)
        .send(await aidAnswer(db, result.aid, result.message));
    },
  );

  app.get(
    "/api/v1/finance/aids",
    {
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.listAids,
        querystring: Type.Object(
          {
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
            status: Type.Optional(
              Type.String({
                maxLength: 200,
                description: "Statuts retenus, séparés par des virgules (ex. repaying,in_arrears).",
              }),
            ),
            caseId: Type.Optional(Type.String({ format: "uuid" })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ aids: Type.Array(AidViewSchema) }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      const { year, status, caseId } = request.query;
      if (year === undefined && caseId === undefined) {
        throw invalidField("/year", "required", financeMessages.yearOrCaseRequired);
      }
      // A counsellor reads the aids of one case of their agency (the case page), not a year's list.
      if (caseId === undefined && !isAllowed(permissionActor(actor).role, "envelope.read")) {
        throw new HttpProblem(
          403,
          "forbidden",
          financeMessages.refused.title,
          financeMessages.caseIdRequired,
        );
      }
      const statuses = status === undefined ? undefined : statusFilter(status);
      const filters: SQL[] = [];
      if (year !== undefined) filters.push(eq(aids.year, year));
      if (statuses !== undefined) filters.push(inArray(aids.status, statuses));
      if (caseId !== undefined) filters.push(eq(aids.caseId, caseId));
      // Counsellors and managers read their agency's aids only.
      if (scopeOf(permissionActor(actor).role, "aids.read") !== "all")
        filters.push(eq(aids.organisationId, actor.organisationId ?? ""));
      const rows = await db
        .select()
        .from(aids)
        .where(and(...filters))
        .orderBy(asc(aids.requestedAt), asc(aids.id));
      await recordFinanceAudit(db, actor, {
        action: "aid.list_read",
        targetType: "aid",
        details: {
          year: year ?? null,
          status: statuses ?? null,
          caseId: caseId ?? null,
          count: rows.length,
        },
      });
      const names = await staffNames(db, rows.flatMap(peopleOf));
      return { aids: rows.map((row) => aidView(row, names)) };
    },
  );

  app.get(
    "/api/v1/finance/aids/:id",
    {
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.getAid,
        params: AidParams,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      const row = await asProblems(() => aidInScope(db, actor, request.params.id, "aids.read"));
      await recordFinanceAudit(db, actor, {
        action: "aid.read",
        targetType: "aid",
        targetId: row.id,
      });
      return aidAnswer(db, row);
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/approve",
    {
      config: { permission: "aids.decide" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.approve,
        params: AidParams,
        body: DecisionSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      const response = await moneyMove(db, lane, request, actor, async (tx) => {
        const result = await approveAid(
          tx,
          request.params.id,
          actor,
          todayInParis(),
          request.body.reason ?? null,
        );
        return { status: 200, body: await aidAnswer(tx, result.aid, result.message) };
      });
      return reply.code(response.status as 200).send(response.body as ReturnType<typeof aidView>);
    },
  );

  for (const command of ["refuse", "cancel"] as const) {
    app.post(
      `/api/v1/finance/aids/:id/${command}`,
      {
        config: { permission: "aids.decide" },
        schema: {
          tags: ["finance"],
          summary: financeMessages.summaries[command],
          params: AidParams,
          body: ReasonRequiredSchema,
          response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = financeActor(request);
        const result = await inMoneyLane(db, lane, (tx) =>
          closeAid(tx, request.params.id, command, actor, request.body.reason.trim()),
        );
        return aidAnswer(db, result.aid);
      },
    );
  }

  app.post(
    "/api/v1/finance/aids/:id/withdraw",
    {
      config: { permission: "aids.propose" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.withdraw,
        params: AidParams,
        body: WithdrawalSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      // Another agency's aid is not found; a colleague's proposal is visible but not theirs to withdraw.
      const found = await asProblems(() => aidInScope(db, actor, request.params.id, "aids.read"));
      const owner = { organisationId: found.organisationId, ownerUserId: found.proposedByUserId };
      if (!isInScope(permissionActor(actor), "aids.propose", owner)) {
        const { title, detail } = financeMessages.notProposer;
        throw new HttpProblem(403, "not_proposer", title, detail);
      }
      const result = await inMoneyLane(db, lane, (tx) =>
        withdrawAid(tx, request.params.id, actor, request.body.reason.trim()),
      );
      return aidAnswer(db, result.aid);
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/disburse",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.disburse,
        params: AidParams,
        body: DisbursementSchema,
        response: { 201: DisbursementViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      const iban = validIban(request.body.iban);
      if (iban === undefined) throw invalidField("/iban", "iban", financeMessages.ibanInvalid);
      requireCalendarDate("/paidOn", request.body.paidOn);
      requireCalendarDate("/firstDueDate", request.body.firstDueDate);
      const response = await moneyMove(db, lane, request, actor, async (tx) => {
        const result = await disburseAid(tx, request.params.id, { ...request.body, iban }, actor);
        const { disbursement } = result;
        return {
          status: 201,
          body: {
            aid: await aidAnswer(tx, result.aid),
            disbursement: {
              id: disbursement.id,
              amountCents: disbursement.amountCents,
              payeeKind: disbursement.payeeKind,
              payeeIban: maskIban(disbursement.payeeIban),
              paidOn: disbursement.paidOn,
              firstDueDate: disbursement.firstDueDate,
            },
          },
        };
      });
      return reply.code(response.status as 201).send(response.body as never);
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/repayments",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.repay,
        params: AidParams,
        body: RepaymentSchema,
        response: { 201: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      requireCalendarDate("/receivedOn", request.body.receivedOn);
      const result = await inMoneyLane(db, lane, (tx) =>
        recordRepayment(tx, request.params.id, request.body, actor),
      );
      return reply.code(201).send(await aidAnswer(db, result.aid));
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/early-repayments",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.earlyRepayment,
        params: AidParams,
        body: EarlyRepaymentSchema,
        response: { 201: ScheduleViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      requireCalendarDate("/receivedOn", request.body.receivedOn);
      const response = await moneyMove(db, lane, request, actor, async (tx) => {
        const result = await recordEarlyRepayment(tx, request.params.id, request.body, actor);
        // Read as GET /schedule reads it by default: received and overdue as of today.
        return { status: 201, body: scheduleView(result.aid, result.position, todayInParis()) };
      });
      return reply.code(response.status as 201).send(response.body as ReturnType<typeof scheduleView>);
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/arrears",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.arrears,
        params: AidParams,
        body: Type.Object(
          { asOf: Type.String({ format: "date", description: "Date du constat (AAAA-MM-JJ)." }) },
          { additionalProperties: false },
        ),
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      requireCalendarDate("/asOf", request.body.asOf);
      const row = await inMoneyLane(db, lane, (tx) =>
        flagArrears(tx, request.params.id, request.body.asOf, actor),
      );
      return aidAnswer(db, row);
    },
  );

  app.post(
    "/api/v1/finance/aids/:id/write-off",
    {
      config: { permission: "aids.decide" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.writeOff,
        params: AidParams,
        body: ReasonRequiredSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      const row = await inMoneyLane(db, lane, (tx) =>
        writeOff(tx, request.params.id, request.body.reason.trim(), actor),
      );
      return aidAnswer(db, row);
    },
  );

  app.get(
    "/api/v1/finance/aids/:id/schedule",
    {
      // Scoped like GET /aids/:id: the counsellor reads the schedule of a loan on their agency's case page.
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.schedule,
        params: AidParams,
        querystring: Type.Object(
          { asOf: Type.Optional(Type.String({ description: "Date des impayés (AAAA-MM-JJ)." })) },
          { additionalProperties: false },
        ),
        response: { 200: ScheduleViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      const asOf = request.query.asOf ?? todayInParis();
      requireCalendarDate("/asOf", asOf);
      return asProblems(async () => {
        const aid = await aidInScope(db, actor, request.params.id, "aids.read");
        const position = await loanPosition(db, aid);
        await recordFinanceAudit(db, actor, {
          action: "aid.schedule_read",
          targetType: "aid",
          targetId: aid.id,
        });
        return scheduleView(aid, position, asOf);
      });
    },
  );
}
