// Regenerates src/core/rules/territory/postcodes.generated.ts from the official list of communes
// (@etalab/decoupage-administratif, a devDependency): `node --import tsx scripts/generate-postcodes.ts`.
// The rules engine runs in the browser too, so it gets a compact module rather than the 10 MB list;
// a test checks that the module still matches the installed list.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readOfficialPostcodes, renderPostcodeModule } from "./postcodes.ts";

const target = fileURLToPath(new URL("../src/core/rules/territory/postcodes.generated.ts", import.meta.url));
writeFileSync(target, renderPostcodeModule(readOfficialPostcodes()));
console.log(`wrote ${target}`);
