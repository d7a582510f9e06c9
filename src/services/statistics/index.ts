// The managers' use cases over their whole agency: statistics and the counsellors they assign cases to.
export { agencyStatistics, assignableCounsellors } from "./statistics.ts";
