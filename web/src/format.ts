// French formatting shared by the pages.
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** 2025-11-20 → « 20 novembre 2025 », the first of the month as « 1er ». */
export function frenchDate(iso: string): string {
  const day = Number(iso.slice(8, 10));
  return `${day === 1 ? "1er" : day} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
