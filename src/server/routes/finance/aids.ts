// /api/v1/finance/aids: propose a loan or a grant on a case, then approve (four-eyes above the threshold),
// refuse, cancel, withdraw, disburse, record repayments, flag arrears and write off; read an aid and a
// loan's schedule. Schema → use case (src/services/finance/aids.ts, repayments.ts) → the aid as it now is.
// Approval, disbursement and early repayment honour an Idempotency-Key header.
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
import {
  type AidTarget,
  approveAid,
  closeAid,
  disburseAid,
  flagArrears,
  listAids,
  proposeAid,
  readAid,
  readSchedule,
  recordEarlyRepayment,
  recordRepayment,
  withdrawAid,
  writeOffAid,
} from "../../../services/finance/index.ts";
import { callerOf } from "../../http/caller.ts";
import { type KeyedRequest, retryOf } from "../../http/idempotency.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeRouteMessages } from "./messages.fr.ts";

const { summaries } = financeRouteMessages;

const AidParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/** The aid a money move acts on, and the request it may be a retry of, answered with `status`. */
const moneyTarget = (request: KeyedRequest & { params: { id: string } }, status: number): AidTarget => ({
  aidId: request.params.id,
  retry: retryOf(request, status),
});

export async function aidRoutes(app: AppInstance): Promise<void> {
  app.post(
    "/api/v1/finance/aids",
    {
      config: { permission: "aids.propose" },
      schema: {
        tags: ["finance"],
        summary: summaries.propose,
        body: ProposalSchema,
        response: { 201: AidViewSchema, 202: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const aid = await proposeAid(app.services, callerOf(request), request.body);
      // A proposal the envelope cannot hold yet is accepted into the queue.
      return reply.code(aid.status === "queued" ? 202 : 201).send(aid);
    },
  );

  app.get(
    "/api/v1/finance/aids",
    {
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.listAids,
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
    async (request) => ({ aids: await listAids(app.services, callerOf(request), request.query) }),
  );

  app.get(
    "/api/v1/finance/aids/:id",
    {
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.getAid,
        params: AidParams,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readAid(app.services, callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/finance/aids/:id/approve",
    {
      config: { permission: "aids.decide" },
      schema: {
        tags: ["finance"],
        summary: summaries.approve,
        params: AidParams,
        body: DecisionSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => approveAid(app.services, callerOf(request), moneyTarget(request, 200), request.body),
  );

  for (const command of ["refuse", "cancel"] as const) {
    app.post(
      `/api/v1/finance/aids/:id/${command}`,
      {
        config: { permission: "aids.decide" },
        schema: {
          tags: ["finance"],
          summary: summaries[command],
          params: AidParams,
          body: ReasonRequiredSchema,
          response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => closeAid(app.services, callerOf(request), request.params.id, command, request.body),
    );
  }

  app.post(
    "/api/v1/finance/aids/:id/withdraw",
    {
      config: { permission: "aids.propose" },
      schema: {
        tags: ["finance"],
        summary: summaries.withdraw,
        params: AidParams,
        body: WithdrawalSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => withdrawAid(app.services, callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/finance/aids/:id/disburse",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: summaries.disburse,
        params: AidParams,
        body: DisbursementSchema,
        response: { 201: DisbursementViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await disburseAid(app.services, callerOf(request), moneyTarget(request, 201), request.body)),
  );

  app.post(
    "/api/v1/finance/aids/:id/repayments",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: summaries.repay,
        params: AidParams,
        body: RepaymentSchema,
        response: { 201: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordRepayment(app.services, callerOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/finance/aids/:id/early-repayments",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: summaries.earlyRepayment,
        params: AidParams,
        body: EarlyRepaymentSchema,
        response: { 201: ScheduleViewSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordEarlyRepayment(
            app.services,
            callerOf(request),
            moneyTarget(request, 201),
            request.body,
          ),
        ),
  );

  app.post(
    "/api/v1/finance/aids/:id/arrears",
    {
      config: { permission: "aids.disburse" },
      schema: {
        tags: ["finance"],
        summary: summaries.arrears,
        params: AidParams,
        body: Type.Object(
          { asOf: Type.String({ format: "date", description: "Date du constat (AAAA-MM-JJ)." }) },
          { additionalProperties: false },
        ),
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => flagArrears(app.services, callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/finance/aids/:id/write-off",
    {
      config: { permission: "aids.decide" },
      schema: {
        tags: ["finance"],
        summary: summaries.writeOff,
        params: AidParams,
        body: ReasonRequiredSchema,
        response: { 200: AidViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => writeOffAid(app.services, callerOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/v1/finance/aids/:id/schedule",
    {
      // Scoped like GET /aids/:id: the counsellor reads the schedule of a loan on their agency's case page.
      config: { permission: "aids.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.schedule,
        params: AidParams,
        querystring: Type.Object(
          { asOf: Type.Optional(Type.String({ description: "Date des impayés (AAAA-MM-JJ)." })) },
          { additionalProperties: false },
        ),
        response: { 200: ScheduleViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => readSchedule(app.services, callerOf(request), request.params.id, request.query),
  );
}
