// Time as the service counts it: Paris calendar days, and whole days between two of them.
export { daysBetween, epochDay } from "./days.ts";
export { endOfParisDay, parisDay, startOfParisDay, todayInParis } from "./paris.ts";
