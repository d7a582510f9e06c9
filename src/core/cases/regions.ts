// The administrative region of a home, from its postcode, to send a public request to the agency of that
// region. A French postcode starts with its department's number (three digits overseas); the few postcodes
// that do not (a commune served by a neighbouring department's post office) land in the neighbouring
// region, which is an acceptable first routing: the agency can reassign the case.
import { territoryOfPostcode } from "../rules/index.ts";

/** Region names as organisations.region spells them (the official names). */
const DEPARTMENTS_BY_REGION: Readonly<Record<string, string>> = {
  "Auvergne-Rhône-Alpes": "01 03 07 15 26 38 42 43 63 69 73 74",
  "Bourgogne-Franche-Comté": "21 25 39 58 70 71 89 90",
  Bretagne: "22 29 35 56",
  "Centre-Val de Loire": "18 28 36 37 41 45",
  Corse: "20",
  "Grand Est": "08 10 51 52 54 55 57 67 68 88",
  "Hauts-de-France": "02 59 60 62 80",
  "Île-de-France": "75 77 78 91 92 93 94 95",
  Normandie: "14 27 50 61 76",
  "Nouvelle-Aquitaine": "16 17 19 23 24 33 40 47 64 79 86 87",
  Occitanie: "09 11 12 30 31 32 34 46 48 65 66 81 82",
  "Pays de la Loire": "44 49 53 72 85",
  "Provence-Alpes-Côte d'Azur": "04 05 06 13 83 84",
  Guadeloupe: "971",
  Martinique: "972",
  Guyane: "973",
  "La Réunion": "974",
  Mayotte: "976",
};

const REGION_BY_DEPARTMENT = new Map(
  Object.entries(DEPARTMENTS_BY_REGION).flatMap(([region, departments]) =>
    departments.split(" ").map((department) => [department, region] as const),
  ),
);

/** The region of an official postcode; undefined for an unknown postcode or one outside the regions. */
export function regionOfPostcode(postcode: string): string | undefined {
  const territory = territoryOfPostcode(postcode);
  if (territory === undefined || territory === "saint_martin" || territory === "outside") return undefined;
  const department = territory === "drom" ? postcode.slice(0, 3) : postcode.slice(0, 2);
  return REGION_BY_DEPARTMENT.get(department);
}
