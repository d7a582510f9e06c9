// The situation payload: one schema for validation (API, CLI, web), for the TypeScript type and for the
// OpenAPI document. The rules core declares the same type by hand, since it depends on nothing; the
// compile-time check at the end keeps the two identical.
import Type, { type Static } from "typebox";
import { Compile } from "typebox/compile";
import {
  ACTIVITIES,
  CLAUSE_STATUSES,
  CONTRACT_TYPES,
  DIRECTIVES,
  DISASTER_KINDS,
  type EligibilityResult,
  EMPLOYER_SECTORS,
  NoDirectiveInForceError,
  OCCUPANCIES,
  OUTCOMES,
  SITUATION_KINDS,
  type Situation,
  territoryOfPostcode,
} from "../core/rules/index.ts";
import { type InputError, inputErrorsFrom } from "./inputErrors.ts";
import { INPUT_MESSAGES } from "./messages.fr.ts";

const IsoDate = (description: string) => Type.String({ format: "date", description });
const POSTCODE_PATTERN = "^[0-9]{5}$";

export const SituationSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200, description: "Identifiant libre, renvoyé tel quel." })),
    requestDate: IsoDate("Date de la demande : elle choisit la directive applicable."),
    person: Type.Optional(
      Type.Object(
        {
          activity: Type.Optional(Type.Enum(ACTIVITIES)),
          employer: Type.Optional(
            Type.Object(
              {
                sector: Type.Optional(Type.Enum(EMPLOYER_SECTORS)),
                headcount: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
              },
              {
                additionalProperties: false,
                description: "Employeur, ou ancien employeur d'un demandeur d'emploi.",
              },
            ),
          ),
          contract: Type.Optional(
            Type.Object(
              {
                type: Type.Optional(Type.Enum(CONTRACT_TYPES)),
                start: Type.Optional(IsoDate("Début du contrat.")),
                end: Type.Optional(
                  Type.Union([IsoDate("Fin prévue du contrat."), Type.Null()], {
                    description: "Fin prévue du contrat ; null pour un contrat sans fin prévue.",
                  }),
                ),
              },
              { additionalProperties: false },
            ),
          ),
          tempHoursLast12Months: Type.Optional(Type.Number({ minimum: 0, maximum: 8784 })),
          esatSupportContractSigned: Type.Optional(Type.Boolean()),
          activityEndDate: Type.Optional(
            IsoDate("Fin de l'activité professionnelle (demandeur d'emploi, préretraité)."),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    visale: Type.Optional(
      Type.Object(
        { exceptionalEvent: Type.Optional(Type.Boolean()), guaranteeEligible: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
    disaster: Type.Optional(
      Type.Object(
        {
          kind: Type.Optional(Type.Enum(DISASTER_KINDS)),
          officiallyDeclared: Type.Optional(Type.Boolean()),
          uninhabitableDwellings: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
        },
        { additionalProperties: false },
      ),
    ),
    housing: Type.Optional(
      Type.Object(
        {
          postcode: Type.Optional(
            Type.String({ pattern: POSTCODE_PATTERN, description: "Code postal du logement." }),
          ),
          occupancy: Type.Optional(Type.Enum(OCCUPANCIES)),
        },
        { additionalProperties: false },
      ),
    ),
    situations: Type.Optional(Type.Array(Type.Enum(SITUATION_KINDS), { uniqueItems: true, maxItems: 14 })),
  },
  {
    additionalProperties: false,
    $id: "Situation",
    description: "Situation à évaluer ; seule la date de demande est obligatoire.",
  },
);

const ReasonSchema = Type.Object({
  clause: Type.String({ description: "Identifiant stable de l'article de la directive." }),
  status: Type.Enum(CLAUSE_STATUSES),
  text: Type.String(),
});

export const EligibilityResultSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    directive: Type.String({ description: "Référence de la directive appliquée." }),
    outcome: Type.Enum(OUTCOMES),
    reasons: Type.Array(ReasonSchema),
    missing: Type.Array(Type.String(), {
      description: "Chemins JSON des informations nécessaires et absentes.",
    }),
    parameters: Type.Object({ tempWorkerMinHours: Type.Number() }),
    engineVersion: Type.String(),
  },
  { $id: "EligibilityResult" },
);

// Compile-time proof that the schema and the core's hand-written types describe the same payloads.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const situationTypesAgree: Same<Static<typeof SituationSchema>, Situation> = true;
const resultTypesAgree: Same<
  Static<typeof EligibilityResultSchema>,
  Omit<EligibilityResult, "reasons" | "missing" | "parameters"> & {
    reasons: { clause: string; status: "met" | "not_met" | "unknown"; text: string }[];
    missing: string[];
    parameters: { tempWorkerMinHours: number };
  }
> = true;
void situationTypesAgree;
void resultTypesAgree;

const checker = Compile(SituationSchema);
const FIRST_DAY = DIRECTIVES[0]?.appliesFrom ?? "";

export type SituationValidation = { ok: true; situation: Situation } | { ok: false; errors: InputError[] };

/** Checks a parsed JSON value; the errors point at each field at fault, in French. */
export function validateSituation(input: unknown): SituationValidation {
  if (!checker.Check(input)) {
    return {
      ok: false,
      errors: inputErrorsFrom(checker.Errors(input), { [POSTCODE_PATTERN]: "INVALID_POSTCODE" }),
    };
  }
  const situation = input as Situation;
  const errors: InputError[] = [];
  if (situation.requestDate < FIRST_DAY) {
    const message = new NoDirectiveInForceError(situation.requestDate).message;
    errors.push({ code: "NO_DIRECTIVE_IN_FORCE", message, path: "/requestDate" });
  }
  const postcode = situation.housing?.postcode;
  if (postcode !== undefined && territoryOfPostcode(postcode) === undefined) {
    errors.push({
      code: "UNKNOWN_POSTCODE",
      message: INPUT_MESSAGES.unknownPostcode,
      path: "/housing/postcode",
    });
  }
  const contract = situation.person?.contract;
  if (contract?.start !== undefined && typeof contract.end === "string" && contract.end < contract.start) {
    errors.push({
      code: "CONTRACT_END_BEFORE_START",
      message: INPUT_MESSAGES.contractEndsBeforeStart,
      path: "/person/contract/end",
    });
  }
  return errors.length === 0 ? { ok: true, situation } : { ok: false, errors };
}

export type { InputError };
