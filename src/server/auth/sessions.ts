// The session a request carries (request.auth): the live session the services found for its cookie.
export type { LiveSession as SessionContext } from "../../services/auth/sessions.ts";
