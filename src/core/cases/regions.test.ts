// A public request goes to the agency of the region of the home's postcode. Checked against the official
// list of communes (@etalab/decoupage-administratif): every department's seat, and nearly every postcode
// (a few communes are served by a post office of the neighbouring department, and so of a neighbouring
// region: the agency reassigns those).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { regionOfPostcode } from "./regions.ts";

const require = createRequire(import.meta.url);
const communes = require("@etalab/decoupage-administratif/data/communes.json") as {
  code: string;
  type: string;
  region?: string;
  codesPostaux?: string[];
}[];
const departments = require("@etalab/decoupage-administratif/data/departements.json") as {
  code: string;
  region: string;
  chefLieu: string;
}[];
const regionNames = new Map(
  (require("@etalab/decoupage-administratif/data/regions.json") as { code: string; nom: string }[]).map(
    (region) => [region.code, region.nom],
  ),
);
// The thirteen metropolitan regions and the five DROM: where Action Logement has agencies.
const SERVED = new Set([
  "01",
  "02",
  "03",
  "04",
  "06",
  "11",
  "24",
  "27",
  "28",
  "32",
  "44",
  "52",
  "53",
  "75",
  "76",
  "84",
  "93",
  "94",
]);
const current = communes.filter((commune) => commune.type === "commune-actuelle" && commune.codesPostaux);

describe("regionOfPostcode", () => {
  it.each([
    ["75011", "Île-de-France"],
    ["69003", "Auvergne-Rhône-Alpes"],
    ["20000", "Corse"],
    ["20200", "Corse"],
    ["97110", "Guadeloupe"],
    ["97600", "Mayotte"],
    ["01000", "Auvergne-Rhône-Alpes"],
  ])("%s is in %s", (postcode, region) => {
    expect(regionOfPostcode(postcode)).toBe(region);
  });

  it("finds the region of every department's seat", () => {
    const served = departments.filter((department) => SERVED.has(department.region));
    expect(served).toHaveLength(101);
    const wrong = served.flatMap((department) => {
      const seat = current.find((commune) => commune.code === department.chefLieu);
      const postcode = seat?.codesPostaux?.[0] ?? "";
      const expected = regionNames.get(department.region);
      return regionOfPostcode(postcode) === expected ? [] : [`${department.code} ${postcode} ${expected}`];
    });
    expect(wrong).toEqual([]);
  });

  it("agrees with the official list for at least 99.5 % of the postcodes of the regions served", () => {
    const postcodes = current
      .filter((commune) => commune.region !== undefined && SERVED.has(commune.region))
      .flatMap((commune) =>
        (commune.codesPostaux ?? []).map((postcode) => ({ postcode, region: commune.region })),
      );
    const agreeing = postcodes.filter(
      ({ postcode, region }) => regionOfPostcode(postcode) === regionNames.get(region ?? ""),
    );
    expect(postcodes.length).toBeGreaterThan(30_000);
    expect(agreeing.length / postcodes.length).toBeGreaterThan(0.995);
  });

  it("gives no region outside the regions served, nor for a postcode that does not exist", () => {
    for (const postcode of ["97133", "97150", "97500", "98000", "98800", "99999", "00000"]) {
      expect(regionOfPostcode(postcode), postcode).toBeUndefined();
    }
  });
});
