// What the second-factor forms say about a typed code, before sending it and after the server's refusal.
import { NETWORK_FAILURE, type Problem } from "../../api.ts";
import { mfaMessages as text } from "./messages.fr.ts";

/** The code as sent (spaces dropped) and what is wrong with it, "" when it has the form of an app's code. */
export function typedCode(value: string): { code: string; problem: string } {
  const code = value.replace(/\s/g, "");
  const problem = code === "" ? text.required : /^[0-9]{6}$/.test(code) ? "" : text.codeFormat;
  return { code, problem };
}

/** The French sentence for a refused code. */
export function refusal(problem: Problem, fallback: string): string {
  switch (problem.code) {
    case "invalid_mfa_code":
      return text.invalidCode;
    case "mfa_setup_missing":
      return text.setupMissing;
    case "mfa_not_enabled":
      return text.notEnabled;
    case "too_many_requests":
      return text.tooManyRequests;
    case NETWORK_FAILURE:
      return text.networkFailure;
    default:
      return problem.detail || fallback;
  }
}
