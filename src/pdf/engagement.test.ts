// The reciprocal engagement as its reader sees it: text extracted from the generated PDF by a real parser.
import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/support/pdfText.ts";
import { engagementPdf } from "./engagement.ts";
import type { EngagementInput } from "./types.ts";

const ENGAGEMENT: EngagementInput = {
  agency: { name: "Agence de Paris", city: "Paris", addressLines: ["21 quai d'Austerlitz", "75013 Paris"] },
  person: { name: "Noël Lœwy-Dumas", addressLines: ["8 allée des Pâquerettes", "93100 Montreuil"] },
  counsellor: "Claire Fontaine",
  reference: "ASD-2025-000456",
  directive: "PP_SERV_ASD_2_DIR",
  requestedOn: "2025-12-01",
  issuedOn: "2025-12-10",
  retentionYears: 5,
  planProposedOn: "2025-12-09",
  actions: [
    {
      title: "Constituer le dossier FSL maintien dans le logement",
      kindLabel: "Aide externe",
      owner: { kind: "beneficiary" },
      dueOn: "2025-12-20",
    },
    {
      title: "Prêt pour apurer la dette de loyer",
      kindLabel: "Produit Action Logement",
      owner: { kind: "counsellor", name: "Claire Fontaine" },
      dueOn: "2026-01-15",
      amountCents: 1_234_567,
    },
    { title: "Accompagnement budgétaire", owner: { kind: "partner", name: "Association Passerelles" } },
  ],
};

async function read(input: EngagementInput) {
  const bytes = await engagementPdf(input);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return pdfText(bytes);
}

describe("the reciprocal engagement", () => {
  let rendered: Promise<string> | undefined;
  const engagement = () => {
    rendered ??= read(ENGAGEMENT).then((r) => r.text);
    return rendered;
  };

  it("names the parties: the person, and Action Logement Services' agency through the counsellor", async () => {
    const text = await engagement();
    expect(text).toContain("Engagement réciproque");
    expect(text).toContain("Référence du dossier : ASD-2025-000456");
    expect(text).toContain("Paris, le 10 décembre 2025");
    expect(text).toContain("Noël Lœwy-Dumas, ci-après « le bénéficiaire »");
    expect(text).toContain(
      "Action Logement Services, Agence de Paris, représentée par Claire Fontaine, conseiller social, ci-après « ALS ».",
    );
  });

  it("lists what each side commits to", async () => {
    const text = await engagement();
    expect(text).toContain(
      "Action Logement Services s'engage à mettre en œuvre les actions du plan qui lui reviennent",
    );
    expect(text).toContain("Le bénéficiaire s'engage à réaliser les actions du plan qui lui reviennent");
    expect(text).toContain("venir aux rendez-vous convenus");
  });

  it("shows each action of the plan with its owner, due date and amount", async () => {
    const text = await engagement();
    expect(text).toContain("Plan d'actions proposé le 9 décembre 2025.");
    expect(text).toContain("Action Responsable Échéance Montant");
    expect(text).toContain(
      "Constituer le dossier FSL maintien dans le logement Aide externe Le bénéficiaire 20 décembre 2025 —",
    );
    expect(text).toContain(
      "Prêt pour apurer la dette de loyer Produit Action Logement Le conseiller social : Claire Fontaine 15 janvier 2026 12 345,67 €",
    );
    expect(text).toContain(
      "Accompagnement budgétaire Organisme partenaire : Association Passerelles à convenir",
    );
  });

  it("under PP_SERV_ASD_2_DIR, says the signature is proposed « le cas échéant », quoting principes/4", async () => {
    const text = await engagement();
    expect(text).toContain("Le cas échéant, ce document formalise votre adhésion au plan d'actions");
    expect(text).toContain("l'accompagnement peut se poursuivre sans elle");
    expect(text).toContain(
      "« Le cas échéant, la signature d'un engagement réciproque formalisant l'adhésion du bénéficiaire à ce plan d'action » (PP_SERV_ASD_2_DIR/principes/4)",
    );
    expect(text).toContain("(PP_SERV_ASD_2_DIR/principes/5)");
  });

  it("under PP_EX_CPA_2_DIR, says the actions start once it is signed, quoting caracteristiques/3", async () => {
    const { text } = await read({ ...ENGAGEMENT, directive: "PP_EX_CPA_2_DIR", requestedOn: "2024-03-01" });
    expect(text).toContain("les actions du plan commencent une fois ce document signé");
    expect(text).toContain("protocole d'engagement réciproque signé entre le bénéficiaire et ALS");
    expect(text).toContain("(PP_EX_CPA_2_DIR/caracteristiques/3)");
    expect(text).not.toContain("Le cas échéant, ce document");
    expect(text).toContain(
      "« La confidentialité vis-à-vis de l'employeur » (PP_EX_CPA_2_DIR/caracteristiques/5)",
    );
  });

  it("promises confidentiality towards the employer, gratuity, no automatic right and no priority housing", async () => {
    const text = await engagement();
    expect(text).toContain("Votre employeur n'est informé ni de votre demande");
    expect(text).toContain("« La confidentialité vis-à-vis de l'employeur » (PP_SERV_ASD_2_DIR/principes/6)");
    expect(text).toContain("(PP_SERV_ASD_2_DIR/principes/7)");
    expect(text).toContain("n'ouvre aucun droit automatique à une aide");
    expect(text).toContain("sans accès prioritaire au logement");
    expect(text).toContain("Protection de vos données personnelles");
    expect(text).toContain("réclamation à la CNIL");
  });

  it("ends with a signature block for each party, or with the date of the online acceptance", async () => {
    const text = await engagement();
    expect(text).toContain("Le bénéficiaire Noël Lœwy-Dumas Fait à");
    expect(text).toContain("Signature précédée de la mention « Lu et approuvé »");
    expect(text).toContain("Pour Action Logement Services Claire Fontaine, conseiller social");

    const accepted = (await read({ ...ENGAGEMENT, signature: { on: "2025-12-12", online: true } })).text;
    expect(accepted).toContain("l'a accepté en ligne le 12 décembre 2025");
    expect(accepted).not.toContain("Lu et approuvé");
    const signed = (await read({ ...ENGAGEMENT, signature: { on: "2025-12-13", online: false } })).text;
    expect(signed).toContain("signé par les deux parties le 13 décembre 2025");
    expect(signed).not.toContain("accepté en ligne");
  });

  it("keeps a long plan readable over several pages, every action included, pages numbered", async () => {
    const actions = Array.from({ length: 45 }, (_, i) => ({
      title: `Action numéro ${i + 1}`,
      owner: { kind: "partner" as const, name: "CCAS de Montreuil" },
      dueOn: "2026-02-01",
      amountCents: 100 * (i + 1),
    }));
    const { text, pages } = await read({ ...ENGAGEMENT, actions });
    expect(pages).toBeGreaterThan(2);
    for (let i = 1; i <= 45; i++)
      expect(text).toContain(`Action numéro ${i} Organisme partenaire : CCAS de Montreuil`);
    expect(text).toContain(
      "Action numéro 45 Organisme partenaire : CCAS de Montreuil 1er février 2026 45,00 €",
    );
    // The table's header row is repeated on the page where the plan continues.
    expect(text.split("Action Responsable Échéance Montant").length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`page ${pages} sur ${pages}`);
  });

  it("says so when the plan has no action yet", async () => {
    const { text } = await read({ ...ENGAGEMENT, actions: [] });
    expect(text).toContain("Aucune action n'est encore inscrite au plan.");
  });
});
