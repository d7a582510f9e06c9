// Where a home is, as the directives' housing conditions name places: metropolitan France (Corsica
// included), the DROM, Saint-Martin (named from 2025), or elsewhere (Saint-Barthélemy,
// Saint-Pierre-et-Miquelon, the Pacific collectivities).
import { POSTCODES_BY_TERRITORY } from "./postcodes.generated.ts";

export type Territory = "metropolitan" | "drom" | "saint_martin" | "outside";

let index: Map<string, Territory> | undefined;

function postcodeIndex(): Map<string, Territory> {
  if (index === undefined) {
    index = new Map();
    for (const [territory, postcodes] of Object.entries(POSTCODES_BY_TERRITORY)) {
      for (const postcode of postcodes.split(" ")) index.set(postcode, territory as Territory);
    }
  }
  return index;
}

/** The territory of an official French postcode; undefined when the postcode does not exist. */
export function territoryOfPostcode(postcode: string): Territory | undefined {
  return postcodeIndex().get(postcode);
}
