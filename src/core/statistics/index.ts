// The pure part of the managers' statistics: the period, month buckets and duration percentiles. No I/O:
// src/db/statistics.ts groups in SQL, these functions complete and summarise the groups.
export * from "./distribution.ts";
export * from "./period.ts";
export * from "./tally.ts";
