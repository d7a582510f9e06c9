// Every French sentence the case lifecycle writes: state and command labels for the screens, and the
// message of each error the state machine returns.
import { OUTCOME_LABELS } from "../rules/messages.fr.ts";
import type { Outcome } from "../rules/types.ts";
import type { CaseErrorCode, CaseStatus, ClosureReason, CommandType, DecisionKind } from "./types.ts";

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  request_received: "Demande reçue",
  eligibility_assessed: "Éligibilité évaluée",
  admitted: "Admis",
  refused: "Refusé",
  redirected: "Réorienté",
  diagnosis: "Diagnostic social",
  action_plan: "Plan d'actions",
  engagement: "Engagement réciproque",
  follow_up: "Suivi",
  closed: "Clôturé",
};

export const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  admitted: "admission",
  refused: "refus",
  redirected: "réorientation",
};

export const CLOSURE_REASON_LABELS: Readonly<Record<ClosureReason, string>> = {
  resolved: "situation résolue",
  partly_resolved: "situation partiellement résolue",
  abandoned: "abandon",
  redirected: "réorientation",
  unreachable: "bénéficiaire injoignable",
};

export const COMMAND_LABELS: Readonly<Record<CommandType, string>> = {
  assessEligibility: "Évaluer l'éligibilité",
  reassess: "Réévaluer l'éligibilité",
  admit: "Admettre",
  refuse: "Refuser",
  redirect: "Réorienter",
  startDiagnosis: "Commencer le diagnostic social",
  proposePlan: "Proposer le plan d'actions",
  signEngagement: "Enregistrer la signature de l'engagement réciproque",
  waiveEngagement: "Poursuivre sans engagement signé",
  startFollowUp: "Commencer le suivi du plan d'actions",
  close: "Clôturer le dossier",
};

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  requestedOn: "date de la demande",
  on: "date",
  motive: "motif",
  reason: "motif",
  snapshot: "évaluation",
  "snapshot.directive": "directive de l'évaluation",
  "snapshot.outcome": "résultat de l'évaluation",
  "snapshot.engineVersion": "version du moteur de règles",
  "snapshot.assessedOn": "date de l'évaluation",
  "snapshot.snapshotId": "identifiant de l'évaluation",
  type: "action",
};

/** What a message may need to say. */
export interface MessageParams {
  readonly status?: CaseStatus;
  readonly command?: string;
  readonly field?: string;
  readonly date?: string;
  readonly limit?: string;
  readonly directive?: string;
  readonly expected?: string;
  readonly outcome?: Outcome;
  readonly decision?: DecisionKind;
  readonly reason?: string;
}

function frenchDay(iso: string | undefined): string {
  if (iso === undefined) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

function commandLabel(command: string | undefined): string {
  if (command !== undefined && Object.hasOwn(COMMAND_LABELS, command)) {
    return COMMAND_LABELS[command as CommandType].toLowerCase();
  }
  return command ?? "";
}

function fieldLabel(field: string | undefined): string {
  return field !== undefined && Object.hasOwn(FIELD_LABELS, field)
    ? (FIELD_LABELS[field] as string)
    : (field ?? "");
}

export function caseErrorMessage(code: CaseErrorCode, p: MessageParams = {}): string {
  const status = p.status === undefined ? "" : CASE_STATUS_LABELS[p.status].toLowerCase();
  switch (code) {
    case "UNKNOWN_COMMAND":
      return `Action inconnue : « ${p.command ?? ""} ».`;
    case "UNKNOWN_DIRECTIVE":
      return `Le dossier est rattaché à une directive inconnue (${p.directive ?? ""}) : aucune action n'est possible.`;
    case "NO_DIRECTIVE_IN_FORCE":
      return `Aucune directive n'est en vigueur le ${frenchDay(p.date)} : la demande ne peut pas être enregistrée à cette date.`;
    case "CASE_CLOSED":
      return "Le dossier est clôturé : plus aucune action n'est possible.";
    case "ILLEGAL_TRANSITION":
      return `Action impossible : « ${commandLabel(p.command)} » n'est pas possible quand le dossier est à l'étape « ${status} ».`;
    case "NOT_ASSESSED":
      return "L'éligibilité n'a pas encore été évaluée : évaluez-la avant de décider.";
    case "ALREADY_ASSESSED":
      return "L'éligibilité a déjà été évaluée : une nouvelle évaluation se fait par une réévaluation, qui conserve la précédente.";
    case "DECISION_ALREADY_TAKEN":
      return `La décision est déjà prise (${p.decision === undefined ? "" : DECISION_LABELS[p.decision]}) : une réévaluation ne la modifie pas.`;
    case "INVALID_DATE":
      return `La ${fieldLabel(p.field)} n'est pas une date valide (attendu : AAAA-MM-JJ).`;
    case "DATE_BEFORE_REQUEST":
      return `La ${fieldLabel(p.field)} (${frenchDay(p.date)}) ne peut pas précéder la date de la demande (${frenchDay(p.limit)}).`;
    case "DATE_BEFORE_PREVIOUS_STEP":
      return `La ${fieldLabel(p.field)} (${frenchDay(p.date)}) ne peut pas précéder l'étape précédente du dossier (${frenchDay(p.limit)}).`;
    case "INVALID_SNAPSHOT":
      return `L'évaluation est incomplète ou invalide : ${fieldLabel(p.field)}.`;
    case "SNAPSHOT_DIRECTIVE_MISMATCH":
      return `L'évaluation a été faite selon ${p.directive ?? ""}, or le dossier relève de ${p.expected ?? ""} (directive en vigueur à la date de la demande).`;
    case "MOTIVE_REQUIRED":
      if (p.decision === "redirected") return "Une réorientation doit être motivée par écrit.";
      return `« Droit ouvert : non » : le conseiller décide, mais ${
        p.decision === "admitted" ? "admettre" : "refuser"
      } un dossier dont le résultat est « ${p.outcome === undefined ? "" : OUTCOME_LABELS[p.outcome]} » demande un motif écrit.`;
    case "ENGAGEMENT_WAIVER_NOT_ALLOWED":
      return "Sous la directive PP_EX_CPA_2_DIR, les solutions sont préconisées « dans le cadre d'un protocole d'engagement réciproque signé » : il n'est pas possible de s'en dispenser.";
    case "WAIVER_REASON_REQUIRED":
      return "Poursuivre sans engagement réciproque signé demande un motif écrit (« Le cas échéant, la signature d'un engagement réciproque »).";
    case "ENGAGEMENT_NOT_SIGNED":
      return "L'engagement réciproque n'est pas signé : sous la directive PP_EX_CPA_2_DIR, les actions du plan ne peuvent pas commencer avant sa signature.";
    case "ENGAGEMENT_NOT_RECORDED":
      return "L'engagement réciproque n'est ni signé ni écarté : enregistrez la signature, ou indiquez pourquoi vous poursuivez sans, avant de commencer le suivi.";
    case "CLOSURE_REASON_REQUIRED":
      return "La clôture demande un motif : situation résolue, partiellement résolue, abandon, réorientation ou bénéficiaire injoignable.";
    case "CLOSURE_REASON_NOT_ALLOWED":
      return `Le motif de clôture « ${
        p.reason !== undefined && Object.hasOwn(CLOSURE_REASON_LABELS, p.reason)
          ? CLOSURE_REASON_LABELS[p.reason as ClosureReason]
          : (p.reason ?? "")
      } » n'est pas possible quand le dossier est à l'étape « ${status} ».`;
  }
}
