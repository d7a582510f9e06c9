// The pure part of the managers' statistics: the period, month buckets and duration percentiles. No I/O:
// src/db/statistics.ts groups in SQL, these functions complete and summarise the groups. The figures are
// the agency-wide « mesure de la qualité du service rendu » of both directives
// (PP_EX_CPA_2_DIR/caracteristiques/4, PP_SERV_ASD_2_DIR/principes/5).
export * from "./distribution.ts";
export * from "./period.ts";
export * from "./tally.ts";
