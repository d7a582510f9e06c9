// On close, Fastify waits for open connections; a keep-alive connection that was busy when close began
// would then stay open until its keep-alive timeout (72 s). Answering "Connection: close" once closing
// lets in-flight requests finish and their connections end right after.
import type { AppInstance } from "../types.ts";

export function registerGracefulClose(app: AppInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
}
