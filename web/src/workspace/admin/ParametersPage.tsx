// Placeholder replaced by the page's implementation in this session.
import type { Session } from "../session.ts";

export function ParametersPage(_props: { session: Session }) {
  return null;
}
