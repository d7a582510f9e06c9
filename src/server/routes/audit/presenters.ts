// The audit trail as the auditors' API shows it: dates as ISO 8601 strings, one JSON object per export line.
import type { AuditEvent, AuditPage } from "../../../services/audit/index.ts";

export function auditPage(page: AuditPage) {
  return {
    items: page.items.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}

export function exportLine(event: AuditEvent): string {
  return `${JSON.stringify({ ...event, occurredAt: event.occurredAt.toISOString() })}\n`;
}
