// What each directive version says about the workflow, read from its « Caractéristiques » (2021) or
// « Principes d'intervention » (2025) clauses. A new directive version needs an entry here: a test checks
// that every version in DIRECTIVES has one and that the clauses cited exist and say what is read from them.

export interface CasePolicy {
  readonly directive: string;
  /**
   * `always_signed`: the plan is set « dans le cadre d'un protocole d'engagement réciproque signé » (2021);
   * `when_appropriate`: « Le cas échéant, la signature d'un engagement réciproque » (2025), so the
   * counsellor may proceed without a signature, with a reason.
   */
  readonly engagement: "always_signed" | "when_appropriate";
  /** The clause on the reciprocal engagement. */
  readonly engagementClause: string;
  /** The clause on the follow-up of the actions « prévues au protocole d'engagement réciproque ». */
  readonly followUpClause: string;
}

export const CASE_POLICIES: Readonly<Record<string, CasePolicy>> = Object.freeze({
  PP_EX_CPA_2_DIR: {
    directive: "PP_EX_CPA_2_DIR",
    engagement: "always_signed",
    engagementClause: "PP_EX_CPA_2_DIR/caracteristiques/3",
    followUpClause: "PP_EX_CPA_2_DIR/caracteristiques/4",
  },
  PP_SERV_ASD_2_DIR: {
    directive: "PP_SERV_ASD_2_DIR",
    engagement: "when_appropriate",
    engagementClause: "PP_SERV_ASD_2_DIR/principes/4",
    followUpClause: "PP_SERV_ASD_2_DIR/principes/5",
  },
});

export function casePolicy(directive: string): CasePolicy | undefined {
  return Object.hasOwn(CASE_POLICIES, directive) ? CASE_POLICIES[directive] : undefined;
}
