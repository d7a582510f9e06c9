// GET /api/v1/directives: the directive versions with their clauses; GET /api/v1/directives/comparison:
// two versions side by side, clause by clause. Public: the directives are the service's published rules.
import Type from "typebox";
import {
  type Clause,
  compareDirectives,
  DIRECTIVES,
  type DirectiveVersion,
  type DirectiveWithRules,
  directiveByReference,
} from "../../../core/rules/index.ts";
import { HttpProblem, problemResponses, type ValidationIssue } from "../../http/problems.ts";
import { directiveMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";

const ClauseSchema = Type.Object(
  {
    id: Type.String({ description: "Identifiant stable : <référence>/<section>/<numéro>." }),
    topic: Type.String({ description: "Thème, commun aux versions, qui rapproche les articles." }),
    heading: Type.String({ description: "Intitulé de la partie de la directive." }),
    kind: Type.Enum(["eligibility", "principle"]),
    text: Type.String({ description: "Texte exact de la directive." }),
    condition: Type.String({ description: "Ce que l'article exige, tel que le moteur le lit." }),
  },
  { $id: "DirectiveClause" },
);
const ClauseRef = Type.Ref("DirectiveClause");

const DirectiveSchema = Type.Object({
  reference: Type.String(),
  title: Type.String(),
  mode: Type.String({ description: "Modalité, telle qu'imprimée (« Prestation de services »...)." }),
  modeKind: Type.Enum(["service", "loan_and_grant"]),
  openEntitlement: Type.Boolean({ description: "Droit ouvert : toujours non." }),
  validatedOn: Type.String({ format: "date" }),
  appliesFrom: Type.String({ format: "date" }),
  appliesUntil: Type.Union([Type.String({ format: "date" }), Type.Null()], {
    description: "Dernier jour en vigueur ; null pour la version en vigueur.",
  }),
  withinAnnualEnvelope: Type.Boolean(),
  clauses: Type.Array(ClauseRef),
});

const DirectiveListSchema = Type.Object({ directives: Type.Array(DirectiveSchema) });

const ComparisonSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(
    Type.Object({
      topic: Type.String(),
      label: Type.String(),
      change: Type.Enum(["unchanged", "changed", "added", "removed"]),
      from: Type.Array(ClauseRef),
      to: Type.Array(ClauseRef),
      segments: Type.Array(
        Type.Object({ kind: Type.Enum(["same", "removed", "added"]), text: Type.String() }),
        { description: "Les textes des deux côtés, mot à mot." },
      ),
    }),
  ),
});

const ComparisonQuerySchema = Type.Object(
  {
    from: Type.String({ description: directiveMessages.fromDescription, maxLength: 100 }),
    to: Type.String({ description: directiveMessages.toDescription, maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** The published part of a version: everything but the engine's rule functions. */
function describe(directive: DirectiveWithRules): Omit<DirectiveVersion, "clauses"> & { clauses: Clause[] } {
  return {
    reference: directive.reference,
    title: directive.title,
    mode: directive.mode,
    modeKind: directive.modeKind,
    openEntitlement: directive.openEntitlement,
    validatedOn: directive.validatedOn,
    appliesFrom: directive.appliesFrom,
    appliesUntil: directive.appliesUntil,
    withinAnnualEnvelope: directive.withinAnnualEnvelope,
    clauses: [...directive.clauses],
  };
}

export async function directiveRoutes(app: AppInstance): Promise<void> {
  app.addSchema(ClauseSchema);

  app.get(
    "/api/v1/directives",
    {
      schema: {
        tags: ["directives"],
        summary: directiveMessages.listSummary,
        description: directiveMessages.listDescription,
        response: { 200: DirectiveListSchema },
      },
    },
    async () => ({ directives: DIRECTIVES.map(describe) }),
  );

  app.get(
    "/api/v1/directives/comparison",
    {
      schema: {
        tags: ["directives"],
        summary: directiveMessages.comparisonSummary,
        description: directiveMessages.comparisonDescription,
        querystring: ComparisonQuerySchema,
        response: { 200: ComparisonSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const known = DIRECTIVES.map((directive) => directive.reference).join(", ");
      const errors: ValidationIssue[] = [];
      const fromDirective = directiveByReference(from);
      const toDirective = directiveByReference(to);
      for (const [field, reference, directive] of [
        ["from", from, fromDirective],
        ["to", to, toDirective],
      ] as const) {
        if (directive === undefined) {
          errors.push({
            path: `/${field}`,
            code: "UNKNOWN_DIRECTIVE",
            message: directiveMessages.unknownDirective(reference, known),
          });
        }
      }
      if (fromDirective === undefined || toDirective === undefined) {
        throw HttpProblem.of(400, "validation_failed", { errors });
      }
      return compareDirectives(fromDirective, toDirective);
    },
  );
}
