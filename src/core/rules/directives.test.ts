// The directive versions as data: identity, dates, clause ids that results store, and clause texts quoted
// from the directives. The quotes below are copied from the texts (PP_EX_CPA_2_DIR validated 24/03/2021,
// PP_SERV_ASD_2_DIR validated 09/10/2025) so that this test runs without them.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULE_PARAMETERS,
  DIRECTIVES,
  directiveByReference,
  directiveInForce,
  parameterValueProblem,
  RULE_PARAMETER_DEFINITIONS,
} from "./index.ts";
import type { ClauseTopic, DirectiveVersion } from "./types.ts";

const V2021 = directiveByReference("PP_EX_CPA_2_DIR") as DirectiveVersion;
const V2025 = directiveByReference("PP_SERV_ASD_2_DIR") as DirectiveVersion;
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
const textOf = (directive: DirectiveVersion, topic: ClauseTopic) =>
  normalise(
    directive.clauses
      .filter((clause) => clause.topic === topic)
      .map((clause) => clause.text)
      .join(" "),
  );

describe("the versions", () => {
  it("are the two directives, in the order they came into force", () => {
    expect(DIRECTIVES.map((directive) => directive.reference)).toEqual([
      "PP_EX_CPA_2_DIR",
      "PP_SERV_ASD_2_DIR",
    ]);
  });

  it("PP_EX_CPA_2_DIR: validated 24/03/2021, applied from 01/06/2021 until the day before 20/11/2025; a service, no open right", () => {
    expect(V2021).toMatchObject({
      validatedOn: "2021-03-24",
      appliesFrom: "2021-06-01",
      appliesUntil: "2025-11-19",
      mode: "Prestation de services",
      modeKind: "service",
      openEntitlement: false,
      withinAnnualEnvelope: false,
    });
  });

  it("PP_SERV_ASD_2_DIR: validated 09/10/2025, applied from 20/11/2025, still in force; loans and grants within the annual envelope, no open right", () => {
    expect(V2025).toMatchObject({
      validatedOn: "2025-10-09",
      appliesFrom: "2025-11-20",
      appliesUntil: null,
      mode: "Prêt et Subvention",
      modeKind: "loan_and_grant",
      openEntitlement: false,
      withinAnnualEnvelope: true,
    });
  });

  it.each([
    ["2021-05-31", undefined],
    ["2021-06-01", "PP_EX_CPA_2_DIR"],
    ["2023-07-14", "PP_EX_CPA_2_DIR"],
    ["2025-11-19", "PP_EX_CPA_2_DIR"],
    ["2025-11-20", "PP_SERV_ASD_2_DIR"],
    ["2030-01-01", "PP_SERV_ASD_2_DIR"],
  ])("in force on %s: %s", (date, reference) => {
    expect(directiveInForce(date)?.reference).toBe(reference);
  });

  it("an unknown reference has no version", () => {
    expect(directiveByReference("PP_VISALE_2_DR")).toBeUndefined();
  });
});

describe("clause ids", () => {
  it("are unique across versions and follow <REF>/<section>/<n>, numbered from 1 in each section", () => {
    const all = DIRECTIVES.flatMap((directive) => directive.clauses.map((clause) => clause.id));
    expect(new Set(all).size).toBe(all.length);
    for (const directive of DIRECTIVES) {
      const counts = new Map<string, number[]>();
      for (const clause of directive.clauses) {
        const match = new RegExp(`^${directive.reference}/([a-z]+)/([1-9][0-9]*)$`).exec(clause.id);
        expect(match, clause.id).not.toBeNull();
        const [, section, number] = match as RegExpExecArray;
        counts.set(section as string, [...(counts.get(section as string) ?? []), Number(number)]);
      }
      for (const numbers of counts.values()) {
        expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_, index) => index + 1));
      }
    }
  });

  it("of the eligibility clauses stay as stored results cite them (order of the texts)", () => {
    const eligibility = (directive: DirectiveVersion) =>
      Object.fromEntries(
        directive.clauses
          .filter((clause) => clause.kind === "eligibility")
          .map((clause) => [clause.id, clause.topic]),
      );
    expect(eligibility(V2021)).toEqual({
      "PP_EX_CPA_2_DIR/beneficiaires/1": "employees",
      "PP_EX_CPA_2_DIR/beneficiaires/2": "jobseekers",
      "PP_EX_CPA_2_DIR/beneficiaires/3": "pre_retirees",
      "PP_EX_CPA_2_DIR/beneficiaires/4": "visale",
      "PP_EX_CPA_2_DIR/beneficiaires/5": "natural_disaster",
      "PP_EX_CPA_2_DIR/beneficiaires/6": "technological_disaster",
      "PP_EX_CPA_2_DIR/logement/1": "territory",
      "PP_EX_CPA_2_DIR/occupation/1": "occupancy",
      "PP_EX_CPA_2_DIR/acces/1": "access_financial",
      "PP_EX_CPA_2_DIR/acces/2": "access_life_events",
      "PP_EX_CPA_2_DIR/acces/3": "access_arrears",
    });
    expect(eligibility(V2025)).toEqual({
      "PP_SERV_ASD_2_DIR/beneficiaires/1": "employees",
      "PP_SERV_ASD_2_DIR/beneficiaires/2": "temp_workers",
      "PP_SERV_ASD_2_DIR/beneficiaires/3": "esat_workers",
      "PP_SERV_ASD_2_DIR/beneficiaires/4": "natural_disaster",
      "PP_SERV_ASD_2_DIR/beneficiaires/5": "technological_disaster",
      "PP_SERV_ASD_2_DIR/beneficiaires/6": "occupancy",
      "PP_SERV_ASD_2_DIR/logement/1": "territory",
      "PP_SERV_ASD_2_DIR/acces/1": "access_financial",
      "PP_SERV_ASD_2_DIR/acces/2": "access_life_events",
      "PP_SERV_ASD_2_DIR/acces/3": "access_arrears",
    });
  });

  it("the principles (how the service works) are not eligibility clauses", () => {
    const principles: ClauseTopic[] = [
      "definition",
      "listening",
      "diagnosis",
      "action_plan",
      "engagement",
      "follow_up",
      "confidentiality",
      "free_of_charge",
      "rental_service",
      "housing_first",
    ];
    for (const directive of DIRECTIVES) {
      for (const clause of directive.clauses) {
        expect(clause.kind, clause.id).toBe(principles.includes(clause.topic) ? "principle" : "eligibility");
        expect(clause.heading.length, clause.id).toBeGreaterThan(0);
        expect(clause.condition.length, clause.id).toBeGreaterThan(0);
      }
    }
  });
});

describe("clause texts quote the directives", () => {
  // [topic, exact quote from the directive text]
  const QUOTES_2021: [ClauseTopic, string][] = [
    [
      "definition",
      "Service d'assistance dédié à une personne physique en difficulté dans son parcours résidentiel.",
    ],
    [
      "employees",
      "Salariés des entreprises du secteur privé non agricole de 10 salariés et plus, quelles que soient l'ancienneté et la nature du contrat de travail",
    ],
    [
      "jobseekers",
      "demandeurs d'emploi, anciens salariés des entreprises du secteur privé non agricole de 10 salariés et plus, dans les 12 mois suivants leur cessation d'activité professionnelle.",
    ],
    ["pre_retirees", "Les préretraités sont assimilés à des salariés."],
    [
      "visale",
      "Dans le cadre VISALE : Tout ménage confronté à un évènement exceptionnel tel que défini dans la directive VISALE (réf PP_VISALE_2_DR) et sous réserve de son éligibilité à cette garantie.",
    ],
    [
      "natural_disaster",
      "Tout salarié, quels que soient le secteur et la taille de son entreprise, confronté à",
    ],
    [
      "natural_disaster",
      "Un aléa naturel relevant de la loi, susceptibles d'avoir des effets catastrophiques",
    ],
    [
      "natural_disaster",
      "évènement climatique de type cyclone, ouragan, tempête et tornade ayant fait l'objet d'un arrêté de catastrophe naturelle.",
    ],
    [
      "technological_disaster",
      "Une catastrophe technologique constatée, en cas de survenance d'un accident rendant inhabitables plus de 500 logements. L'état de catastrophe technologique doit être déclaré par le Gouvernement via la publication d'un arrêté dans le Journal officiel.",
    ],
    [
      "territory",
      "Le logement ou l'hébergement doit être situé sur le territoire métropolitain ou dans les DROM.",
    ],
    ["occupancy", "Locataires"],
    ["occupancy", "Accédants à la propriété"],
    ["occupancy", "Sans logement ou sans hébergement"],
    ["access_financial", "Situations de déséquilibre financier ou de surendettement,"],
    [
      "access_life_events",
      "Situations telles que la séparation, les conflits familiaux, le décès, la maladie, la perte d'emploi, etc.",
    ],
    [
      "access_arrears",
      "Situations ou risques d'impayés de loyer, d'échéances de prêt immobilier ou de charges de copropriété, la volonté étant d'intervenir le plus en amont pour prévenir les situations d'expulsion ou de saisie immobilière.",
    ],
    [
      "action_plan",
      "dans le cadre d'un protocole d'engagement réciproque signé entre le bénéficiaire et ALS",
    ],
    ["confidentiality", "La confidentialité vis-à-vis de l'employeur"],
    ["free_of_charge", "La gratuité du service pour le bénéficiaire."],
  ];
  const QUOTES_2025: [ClauseTopic, string][] = [
    [
      "definition",
      "Service d'accompagnement ouvert aux personnes salariées en difficulté dans leur parcours résidentiel.",
    ],
    [
      "employees",
      "Salariés des entreprises du secteur privé non agricole de 10 salariés et plus, dont le contrat de travail est en cours et dont la durée est d'au moins 3 mois.",
    ],
    [
      "temp_workers",
      "Les salariés intérimaires en mission de moins de 3 mois devront justifier d'un nombre d'heures minimal de mission sur les 12 derniers mois. Le seuil minimal sera fixé par Action Logement Services.",
    ],
    [
      "esat_workers",
      "Les personnes handicapées accueillies en ESAT ayant signé un contrat de soutien et d'aide par le travail, conforme au modèle figurant à l'annexe 3.9 du Code de l'action sociale et des familles sont assimilées à des salariés, dans le cadre de la directive.",
    ],
    [
      "natural_disaster",
      "Tout salarié, quels que soient le secteur et la taille de son entreprise, son contrat de travail, son ancienneté dans l'entreprise et confronté à",
    ],
    [
      "natural_disaster",
      "Un aléa naturel relevant de la loi, susceptible d'avoir des effets catastrophiques",
    ],
    [
      "natural_disaster",
      "événement climatique de type cyclone, ouragan, tempête et tornade ayant fait l'objet d'un arrêté de catastrophe naturelle.",
    ],
    [
      "technological_disaster",
      "en cas de survenance d'un accident rendant inhabitables plus de 500 logements. L'état de catastrophe technologique doit être déclaré par le Gouvernement via la publication d'un arrêté dans le Journal Officiel.",
    ],
    ["occupancy", "Tous les statuts d'occupation sont éligibles."],
    [
      "territory",
      "Le logement doit être situé sur le territoire métropolitain, dans les DROM (Martinique, Guadeloupe, La Réunion, Mayotte, Guyane) ou sur la collectivité territoriale de St Martin.",
    ],
    ["access_financial", "Surendettement,"],
    [
      "access_life_events",
      "Accidents de la vie tels que la séparation, les violences et conflits familiaux, le décès, la maladie, l'invalidité, etc,",
    ],
    [
      "access_arrears",
      "Situations ou risques d'impayés de loyers, d'échéances de prêt immobilier ou de charges de copropriété, ou de précarité énergétique.",
    ],
    [
      "engagement",
      "Le cas échéant, la signature d'un engagement réciproque formalisant l'adhésion du bénéficiaire à ce plan d'action,",
    ],
    ["housing_first", "En complémentarité avec la politique du « Logement d'Abord »"],
    ["free_of_charge", "La gratuité du service pour le bénéficiaire."],
  ];

  it.each(QUOTES_2021)("2021 %s quotes « %s »", (topic, quote) => {
    expect(textOf(V2021, topic)).toContain(normalise(quote));
  });
  it.each(QUOTES_2025)("2025 %s quotes « %s »", (topic, quote) => {
    expect(textOf(V2025, topic)).toContain(normalise(quote));
  });

  it("the 2025 text no longer names financial imbalance, jobseekers, pre-retirees or VISALE", () => {
    const all = V2025.clauses.map((clause) => clause.text).join(" ");
    expect(all).not.toMatch(/déséquilibre financier|demandeurs d'emploi|préretraités|VISALE/);
  });

  it("no clause text carries layout residue (markdown stars, bullets, doubled spaces)", () => {
    for (const directive of DIRECTIVES) {
      for (const clause of directive.clauses) {
        expect(clause.text, clause.id).not.toMatch(/\*\*|^\s*-\s|\s{2,}|<input/);
        expect(clause.text, clause.id).toBe(clause.text.trim());
      }
    }
  });
});

describe("rule parameters", () => {
  it("the temp workers' threshold rests on the 2025 temp workers' clause, default 414 hours", () => {
    expect(DEFAULT_RULE_PARAMETERS).toEqual({ tempWorkerMinHours: 414 });
    const definition = RULE_PARAMETER_DEFINITIONS.find((candidate) => candidate.key === "tempWorkerMinHours");
    expect(definition?.default).toBe(414);
    const clause = V2025.clauses.find((candidate) => candidate.id === definition?.clause);
    expect(clause?.topic).toBe("temp_workers");
  });

  it.each([0, 414, 1607, 8784])("accepts %d hours", (value) => {
    expect(parameterValueProblem("tempWorkerMinHours", value)).toBeUndefined();
  });

  it.each([-1, 8785, 414.5, Number.NaN, Number.POSITIVE_INFINITY, "414", null])(
    "rejects %j, with a French reason",
    (value) => {
      expect(parameterValueProblem("tempWorkerMinHours", value)).toMatch(/^[A-Z].+\./);
    },
  );

  it("rejects an unknown parameter", () => {
    expect(parameterValueProblem("maxHeadcount" as "tempWorkerMinHours", 10)).toMatch(/maxHeadcount/);
  });
});
