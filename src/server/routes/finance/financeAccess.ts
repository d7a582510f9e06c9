// What the finance routes share: the actor of a request, the Idempotency-Key header, the check of a typed day,
// the money lane's transactions, and turning the repository's refusals into problems (400 with the field,
// 404, 409 with the French reason, 422).
import type { FastifyRequest } from "fastify";
import { isCalendarDate } from "../../../core/rules/index.ts";
import type { Drizzle } from "../../../db/database.ts";
import type { FinanceActor } from "../../../db/finance/aids.ts";
import { FinanceConflictError, FinanceInputError, FinanceNotFoundError } from "../../../db/finance/errors.ts";
import { IdempotencyMismatchError } from "../../../db/finance/idempotency.ts";
import { HttpProblem } from "../../http/problems.ts";
import { financeMessages } from "./messages.fr.ts";
import type { MoneyLane } from "./moneyLane.ts";

export function financeActor(request: FastifyRequest): FinanceActor {
  const auth = request.auth;
  if (auth === null) throw HttpProblem.of(401, "unauthenticated");
  return {
    userId: auth.user.id,
    role: auth.role,
    organisationId: auth.organisation?.id ?? null,
    requestId: request.id,
    clientAddress: request.ip,
  };
}

export function invalidField(path: string, code: string, message: string): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors: [{ path, code, message }] });
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key, if any; a malformed one is bad input. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !KEY_PATTERN.test(value)) {
    throw invalidField("/headers/idempotency-key", "pattern", financeMessages.idempotencyKeyInvalid);
  }
  return value;
}

/** A day that exists (no 2026-02-30), else 400 on `path`; an absent optional day passes. */
export function requireCalendarDate(path: string, value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) {
    throw invalidField(path, "format", financeMessages.dateInvalid);
  }
}

/** Runs `work` in one transaction, queued in the money lane; the repository's refusals become problems. */
export function inMoneyLane<T>(db: Drizzle, lane: MoneyLane, work: (tx: Drizzle) => Promise<T>): Promise<T> {
  return asProblems(() => lane(() => db.transaction(work)));
}

/** Runs `work`, turning the repository's refusals into problems. */
export async function asProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toProblem(error);
  }
}

function toProblem(error: unknown): unknown {
  if (error instanceof FinanceInputError) return invalidField(error.field, error.code, error.message);
  if (error instanceof FinanceConflictError) {
    return new HttpProblem(409, error.code, financeMessages.refused.title, error.message, error.extensions);
  }
  if (error instanceof FinanceNotFoundError) {
    const { title, detail } =
      error.what === "envelope"
        ? financeMessages.envelopeNotFound
        : error.what === "case"
          ? financeMessages.caseNotFound
          : error.what === "alert"
            ? financeMessages.alertNotFound
            : financeMessages.aidNotFound;
    return new HttpProblem(404, `${error.what}_not_found`, title, detail);
  }
  if (error instanceof IdempotencyMismatchError) {
    const { title, detail } = financeMessages.idempotencyMismatch;
    return new HttpProblem(422, "idempotency_key_reused", title, detail);
  }
  return error;
}
