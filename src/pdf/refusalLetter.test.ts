// The refusal letter as its reader sees it: text extracted from the generated PDF by a real parser.
import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/support/pdfText.ts";
import { refusalLetterPdf } from "./refusalLetter.ts";
import type { RefusalLetterInput } from "./types.ts";

const LETTER: RefusalLetterInput = {
  agency: { name: "Agence de Lyon", city: "Lyon", addressLines: ["10 rue de la Part-Dieu", "69003 Lyon"] },
  person: { name: "Hélène Lefèvre-Çelik", addressLines: ["3 rue de l'Œuvre", "69100 Villeurbanne"] },
  counsellor: "Karim Benali",
  reference: "ASD-2025-000123",
  directive: "PP_SERV_ASD_2_DIR",
  requestedOn: "2025-12-01",
  issuedOn: "2025-12-08",
  retentionYears: 5,
  outcome: "eligible",
  motive: "Votre situation est déjà prise en charge par le FSL du Rhône, saisi en novembre.",
};

async function read(input: RefusalLetterInput): Promise<string> {
  const bytes = await refusalLetterPdf(input);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return (await pdfText(bytes)).text;
}

describe("the refusal letter", () => {
  let rendered: Promise<string> | undefined;
  /** The letter of LETTER, rendered once for the tests that only read it. */
  const letter = () => {
    rendered ??= read(LETTER);
    return rendered;
  };

  it("is addressed to the person by the agency, with the reference, the dates and the directive", async () => {
    const text = await letter();
    expect(text).toContain("Action Logement Services");
    expect(text).toContain("Agence de Lyon 10 rue de la Part-Dieu 69003 Lyon");
    expect(text).toContain("Hélène Lefèvre-Çelik 3 rue de l'Œuvre 69100 Villeurbanne");
    expect(text).toContain("Lyon, le 8 décembre 2025");
    expect(text).toContain("Référence du dossier : ASD-2025-000123");
    expect(text).toContain("Vous avez sollicité le 1er décembre 2025");
    expect(text).toContain("Dossier suivi par : Karim Benali");
    expect(text).toContain(
      "Directive appliquée : PP_SERV_ASD_2_DIR (Service d'accompagnement et de diagnostic social (Ex CIL PASS Assistance)), en vigueur depuis le 20 novembre 2025",
    );
  });

  it("gives the outcome and the counsellor's motive, and says the outcome opened no right", async () => {
    const text = await letter();
    expect(text).toContain("nous ne sommes pas en mesure de vous proposer un accompagnement");
    expect(text).toContain("Résultat de l'examen de votre éligibilité : éligible.");
    expect(text).toContain(
      "Motif de la décision : Votre situation est déjà prise en charge par le FSL du Rhône, saisi en novembre.",
    );
    expect(text).toContain("« Droit ouvert : non »");
  });

  it("without a written motive, says why from the outcome", async () => {
    const text = await read({ ...LETTER, outcome: "ineligible", motive: "  " });
    expect(text).toContain("Résultat de l'examen de votre éligibilité : non éligible.");
    expect(text).toContain(
      "Motif de la décision : votre situation ne remplit pas les conditions d'accès au service prévues par la directive.",
    );
  });

  it("says how to contest, where else to find help, and that the service is free and confidential", async () => {
    const text = await letter();
    expect(text).toContain("Si vous n'êtes pas d'accord avec cette décision");
    expect(text).toContain("demander un nouvel examen de votre demande");
    expect(text).toContain("votre agence (Agence de Lyon)");
    expect(text).toContain("fonds de solidarité pour le logement (FSL)");
    expect(text).toContain("la Banque de France, pour déposer un dossier de surendettement");
    expect(text).toContain("Votre employeur n'est informé ni de votre demande");
    expect(text).toContain("« La confidentialité vis-à-vis de l'employeur » (PP_SERV_ASD_2_DIR/principes/6)");
    expect(text).toContain("« La gratuité du service pour le bénéficiaire » (PP_SERV_ASD_2_DIR/principes/7)");
  });

  it("carries the data-protection notice with the retention period and the right to complain to the CNIL", async () => {
    const text = await read({ ...LETTER, retentionYears: 3 });
    expect(text).toContain("Protection de vos données personnelles");
    expect(text).toContain("puis 3 ans après la clôture du dossier");
    expect(text).toContain("articles 15 à 21 du règlement général sur la protection des données");
    expect(text).toContain("réclamation à la CNIL");
  });

  it("under PP_EX_CPA_2_DIR, names that directive and quotes its own clauses", async () => {
    const text = await read({ ...LETTER, directive: "PP_EX_CPA_2_DIR", requestedOn: "2024-03-01" });
    expect(text).toContain("Directive appliquée : PP_EX_CPA_2_DIR");
    expect(text).toContain("en vigueur depuis le 1er juin 2021");
    expect(text).toContain(
      "« La confidentialité vis-à-vis de l'employeur » (PP_EX_CPA_2_DIR/caracteristiques/5)",
    );
    expect(text).toContain("(PP_EX_CPA_2_DIR/caracteristiques/6)");
    expect(text).not.toContain("PP_SERV_ASD_2_DIR");
  });

  it("numbers its pages and marks them confidential", async () => {
    const bytes = await refusalLetterPdf(LETTER);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`dossier ASD-2025-000123 · page ${pages} sur ${pages}`);
    expect(text).toContain("Document confidentiel");
  });
});
