// The generated part of docs/security.md: the permission matrix and the routes that require each action,
// as Markdown. scripts/render-security-docs.ts writes it; a test checks that the document is up to date.
import { ACTION_DESCRIPTIONS, ROLE_LABELS, SCOPE_LABELS } from "./messages.fr.ts";
import { ACTIONS, type Action, scopeOf } from "./permissions.ts";
import { ROLES } from "./roles.ts";

/** Markdown table of the matrix (rows: actions, columns: roles), as shown in docs/security.md. */
export function renderPermissionMatrix(): string {
  const header = `| Action | ${ROLES.map((role) => `${ROLE_LABELS[role]} (\`${role}\`)`).join(" | ")} |`;
  const separator = `| --- | ${ROLES.map(() => ":---:").join(" | ")} |`;
  const rows = ACTIONS.map((action) => {
    const cells = ROLES.map((role) => {
      const scope = scopeOf(role, action);
      return scope === undefined ? "—" : SCOPE_LABELS[scope];
    });
    return `| \`${action}\`: ${ACTION_DESCRIPTIONS[action]} | ${cells.join(" | ")} |`;
  });
  return [header, separator, ...rows].join("\n");
}

/** Markdown table of the routes that require a permission, in registration order. */
export function renderRouteTable(
  routes: readonly { method: string; url: string; permission: Action }[],
): string {
  return [
    "| Route | Action requise |",
    "| --- | --- |",
    ...routes.map((route) => `| \`${route.method} ${route.url}\` | \`${route.permission}\` |`),
  ].join("\n");
}

export const GENERATED_START = "<!-- generated: permissions (src/core/access/permissions.ts) -->";
export const GENERATED_END = "<!-- end generated: permissions -->";

/** The generated part of docs/security.md: the matrix, then the routes. */
export function renderPermissionsSection(
  routes: readonly { method: string; url: string; permission: Action }[],
): string {
  return [
    GENERATED_START,
    "",
    renderPermissionMatrix(),
    "",
    renderRouteTable(routes),
    "",
    GENERATED_END,
  ].join("\n");
}

/** `document` with its generated section replaced by `section`. */
export function replaceGeneratedSection(document: string, section: string): string {
  const start = document.indexOf(GENERATED_START);
  const end = document.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) throw new Error("generated section markers not found");
  return document.slice(0, start) + section + document.slice(end + GENERATED_END.length);
}
