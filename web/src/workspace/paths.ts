// The workspace's addresses, shared by its links and its path switch.
export const WORKSPACE_HOME = "/espace";
/** The account security page (second factor, recovery codes), open to every role. */
export const SECURITY_PATH = "/espace/securite";
const CASE_PREFIX = "/espace/dossiers/";

export function casePath(id: string): string {
  return `${CASE_PREFIX}${encodeURIComponent(id)}`;
}

/** The case id a workspace path names, if it names one. */
export function caseIdOf(path: string): string | undefined {
  if (!path.startsWith(CASE_PREFIX)) return undefined;
  const id = decodeURIComponent(path.slice(CASE_PREFIX.length));
  return id === "" || id.includes("/") ? undefined : id;
}
