// What the finance repository refuses, in terms the HTTP layer maps to a problem: bad input (400, with the
// field at fault), a refusal by the state of things (409, with a stable code, the French reason and, when a
// directive says so, the clause), or a resource that does not exist in the caller's scope (404).

export class FinanceInputError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FinanceInputError";
  }
}

export class FinanceConflictError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "FinanceConflictError";
  }
}

export class FinanceNotFoundError extends Error {
  constructor(readonly what: "envelope" | "aid" | "case" | "product" | "alert") {
    super(what);
    this.name = "FinanceNotFoundError";
  }
}
