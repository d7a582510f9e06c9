// The refusals of sign-in, of the second factor and of single sign-on, with their French texts.
import { DomainError, type DomainErrorKind } from "../errors.ts";
import { authRefusalMessages } from "./messages.fr.ts";

export function authRefusal(kind: DomainErrorKind, code: keyof typeof authRefusalMessages): DomainError {
  const { title, detail } = authRefusalMessages[code];
  return new DomainError(kind, code, title, detail);
}
