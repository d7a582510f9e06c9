// The parameters and headers the routes of a case's content share (the payloads are in contracts/diagnosis.ts).
import Type from "typebox";
import { contentRouteMessages } from "./messages.fr.ts";

/** If-Match of a change at the case's version. */
export const CaseIfMatchHeaders = Type.Object({
  "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchCase })),
});

/** If-Match of an action's update: the action's own version. */
export const ActionIfMatchHeaders = Type.Object({
  "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchAction })),
});

export const ActionParams = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Identifiant du dossier." }),
    actionId: Type.String({ format: "uuid", description: "Identifiant de l'action." }),
  },
  { additionalProperties: false },
);
