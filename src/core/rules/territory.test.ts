// Where a home is, as the housing conditions name places: "le territoire métropolitain", "les DROM
// (Martinique, Guadeloupe, La Réunion, Mayotte, Guyane)" and, from 2025, "la collectivité territoriale de
// St Martin". Other French postcodes (Saint-Barthélemy, Saint-Pierre-et-Miquelon, the Pacific) and Monaco
// are outside both texts; a postcode that does not exist has no territory.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOfficialPostcodes, renderPostcodeModule } from "../../../scripts/postcodes.ts";
import { type Territory, territoryOfPostcode } from "./index.ts";

describe("territoryOfPostcode", () => {
  it.each([
    ["75011", "metropolitan", "Paris 11e"],
    ["13001", "metropolitan", "Marseille"],
    ["01000", "metropolitan", "Bourg-en-Bresse (leading zero)"],
    ["20000", "metropolitan", "Ajaccio, Corse-du-Sud"],
    ["20200", "metropolitan", "Bastia, Haute-Corse"],
    ["97110", "drom", "Pointe-à-Pitre, Guadeloupe"],
    ["97100", "drom", "Basse-Terre, Guadeloupe"],
    ["97200", "drom", "Fort-de-France, Martinique"],
    ["97300", "drom", "Cayenne, Guyane"],
    ["97400", "drom", "Saint-Denis, La Réunion"],
    ["97600", "drom", "Mamoudzou, Mayotte"],
    ["97150", "saint_martin", "Saint-Martin"],
    ["97133", "outside", "Saint-Barthélemy"],
    ["97500", "outside", "Saint-Pierre-et-Miquelon"],
    ["98000", "outside", "Monaco"],
    ["98800", "outside", "Nouméa, Nouvelle-Calédonie"],
    ["98714", "outside", "Papeete, Polynésie française"],
  ] as const)("%s is %s (%s)", (postcode, territory, _place) => {
    expect(territoryOfPostcode(postcode)).toBe(territory);
  });

  it.each([
    "00000",
    "99999",
    "75000", // Paris has no 75000
    "97700",
    "7501",
    "750111",
    "7501a",
    " 75011",
    "",
  ])("%j has no territory (not an official postcode)", (postcode) => {
    expect(territoryOfPostcode(postcode)).toBeUndefined();
  });

  it("places every official postcode by its prefix, as the texts name the territories", () => {
    // Independent of the generated module: 971–974 and 976 are the five DROM, except Saint-Barthélemy
    // (97133) and Saint-Martin (97150) which share Guadeloupe's prefix; 975 and 98 are outside.
    const expectedByPrefix = (postcode: string): Territory => {
      if (postcode === "97150") return "saint_martin";
      if (postcode === "97133") return "outside";
      if (/^97[1-46]/.test(postcode)) return "drom";
      if (/^(975|98)/.test(postcode)) return "outside";
      return "metropolitan";
    };
    const official = readOfficialPostcodes();
    expect(official.size).toBeGreaterThan(6000);
    const misplaced = [...official.keys()].filter(
      (postcode) => territoryOfPostcode(postcode) !== expectedByPrefix(postcode),
    );
    expect(misplaced).toEqual([]);
  });
});

describe("postcodes.generated.ts", () => {
  it("matches the list of the installed @etalab/decoupage-administratif", () => {
    const committed = readFileSync(new URL("./territory/postcodes.generated.ts", import.meta.url), "utf8");
    expect(committed).toBe(renderPostcodeModule(readOfficialPostcodes()));
  });
});
