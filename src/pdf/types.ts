// What the two documents are made from: plain values that a route reads from storage. Nothing here
// queries anything, so the documents can be rendered (and tested) from any data.
import type { ActionOwner } from "../core/diagnosis/index.ts";
import type { Outcome } from "../core/rules/types.ts";

export interface AgencyHeader {
  /** « Agence de Paris ». */
  readonly name: string;
  readonly city: string;
  /** Postal address, one line each; may be empty. */
  readonly addressLines: readonly string[];
}

export interface Addressee {
  /** Full name as the person gave it. */
  readonly name: string;
  /** Postal address, one line each; may be empty. */
  readonly addressLines: readonly string[];
}

/** What both documents share: who writes to whom, about which case, judged under which directive. */
export interface CaseDocumentInput {
  readonly agency: AgencyHeader;
  readonly person: Addressee;
  /** Display name of the counsellor in charge. */
  readonly counsellor: string;
  /** The case's reference (« ASD-2025-000123 »). */
  readonly reference: string;
  /** Reference of the directive the case is judged under (`PP_EX_CPA_2_DIR`, `PP_SERV_ASD_2_DIR`). */
  readonly directive: string;
  /** ISO day the request was received. */
  readonly requestedOn: string;
  /** ISO day the document is issued (Europe/Paris). */
  readonly issuedOn: string;
  /** Years personal data are kept after closure, stated in the data-protection notice. */
  readonly retentionYears: number;
}

export interface RefusalLetterInput extends CaseDocumentInput {
  /** The outcome the decision was taken on. */
  readonly outcome: Outcome;
  /** The counsellor's written motive; required by the lifecycle when the outcome was « éligible ». */
  readonly motive?: string;
}

export interface EngagementAction {
  readonly title: string;
  /** Kind of action as read on screen (« Aide externe », « Produit Action Logement »…), when known. */
  readonly kindLabel?: string;
  /** Who carries the action out, and their name when known (the partner organisation's). */
  readonly owner: { readonly kind: ActionOwner; readonly name?: string };
  /** ISO day; absent when still to be agreed. */
  readonly dueOn?: string;
  /** Amount at stake (a loan, a grant), in cents. */
  readonly amountCents?: number;
}

export interface EngagementInput extends CaseDocumentInput {
  /** ISO day the plan was proposed, when known. */
  readonly planProposedOn?: string;
  readonly actions: readonly EngagementAction[];
  /** Once recorded: the day of the signature, and whether it was an acceptance through the one-time link. */
  readonly signature?: { readonly on: string; readonly online: boolean };
}
