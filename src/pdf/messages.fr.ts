// Every word of the PDFs (refusal letter, reciprocal engagement, personal-data export), in French. The
// clauses quoted come from the directive versions themselves (src/core/rules); what is written here only
// introduces them. Guillemets hold their text with no-break spaces, so that no line starts with « or ».
import type { ActionOwner } from "../core/diagnosis/index.ts";
import { frenchDate } from "../core/rules/index.ts";
import type { Outcome } from "../core/rules/types.ts";

export const LETTERHEAD = {
  organisation: "Action Logement Services",
  service: "Service d'accompagnement et de diagnostic social (ASD)",
} as const;

export const COMMON = {
  placeAndDate: (city: string, on: string) => `${city}, le ${frenchDate(on)}`,
  reference: (reference: string) => `Référence du dossier : ${reference}`,
  requestedOn: (on: string) => `Demande reçue le ${frenchDate(on)}`,
  followedBy: (name: string) => `Dossier suivi par : ${name}`,
  directive: (reference: string, title: string, appliesFrom: string) =>
    `Directive appliquée : ${reference} (${title}), en vigueur depuis le ${frenchDate(appliesFrom)}, date de votre demande comprise.`,
  clause: (id: string, text: string) => `«\u00a0${text.replace(/[\s,;.]+$/u, "")}\u00a0» (${id})`,
  page: (current: number, count: number, reference: string) =>
    `${LETTERHEAD.organisation} · dossier ${reference} · page ${current} sur ${count}`,
  confidential: "Document confidentiel",
} as const;

export const CONFIDENTIALITY = {
  heading: "Confidentialité vis-à-vis de votre employeur",
  text: "Votre employeur n'est informé ni de votre demande, ni de son examen, ni de l'accompagnement : aucune information sur votre situation ne lui est communiquée. La directive le prévoit :",
} as const;

export const FREE_OF_CHARGE = {
  heading: "Gratuité",
  text: "Le service est gratuit : aucune somme ne peut vous être demandée, ni pour l'examen de votre demande, ni pour l'accompagnement. La directive le prévoit :",
} as const;

export const DATA_PROTECTION = {
  heading: "Protection de vos données personnelles",
  paragraphs: (retentionYears: number) => [
    "Action Logement Services traite les informations que vous avez communiquées (situation familiale, professionnelle, budgétaire et de logement) pour examiner votre demande, vous accompagner et mesurer la qualité du service rendu. Seules les personnes habilitées de votre agence, et, pour les actions qui les concernent, les organismes partenaires auxquels vous êtes orienté(e) avec votre accord, y ont accès. Chaque consultation de votre dossier est tracée.",
    `Vos données sont conservées pendant l'accompagnement, puis ${retentionYears} ans après la clôture du dossier ; elles sont ensuite anonymisées.`,
    "Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou en demander la limitation (articles 15 à 21 du règlement général sur la protection des données) en écrivant à votre agence ou au délégué à la protection des données d'Action Logement Services. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
  ],
} as const;

export const REFUSAL_LETTER = {
  title: "Réponse à votre demande d'accompagnement",
  subject: "Objet : votre demande d'accompagnement social",
  salutation: "Madame, Monsieur,",
  examined: (requestedOn: string) =>
    `Vous avez sollicité le ${frenchDate(requestedOn)} le service d'accompagnement et de diagnostic social d'Action Logement Services. Votre demande a été examinée au regard de la directive en vigueur à la date de votre demande.`,
  decision:
    "Après examen de votre situation, nous ne sommes pas en mesure de vous proposer un accompagnement par ce service.",
  outcomeHeading: "Résultat de l'examen et motif de la décision",
  outcome: (outcome: Outcome) => `Résultat de l'examen de votre éligibilité : ${OUTCOME_WORDS[outcome]}.`,
  noEntitlement:
    "Ce résultat éclaire la décision de votre conseiller sans la remplacer : la directive n'ouvre aucun droit automatique («\u00a0Droit ouvert : non\u00a0»).",
  motive: (motive: string) => `Motif de la décision : ${motive}`,
  /** When the counsellor wrote no motive (possible only when the outcome was not « éligible »). */
  defaultMotive: {
    eligible: "",
    ineligible: "votre situation ne remplit pas les conditions d'accès au service prévues par la directive.",
    review: "après examen par votre conseiller, votre situation ne relève pas de ce service.",
    incomplete:
      "les éléments transmis ne permettent pas d'établir que votre situation remplit les conditions prévues par la directive.",
  } satisfies Record<Outcome, string>,
  contestHeading: "Si vous n'êtes pas d'accord avec cette décision",
  contest: (agency: string) =>
    `Vous pouvez demander un nouvel examen de votre demande en écrivant à votre conseiller ou à votre agence (${agency}), en indiquant la référence du dossier et en joignant tout élément qui n'aurait pas été pris en compte. Si votre situation change, vous pouvez aussi présenter une nouvelle demande à tout moment.`,
  otherHelpHeading: "D'autres aides peuvent vous être utiles",
  otherHelp: [
    "le centre communal d'action sociale (CCAS) de votre commune et le service social de votre département ;",
    "le fonds de solidarité pour le logement (FSL) de votre département, pour les impayés de loyer ou d'énergie ;",
    "votre caisse d'allocations familiales (CAF) ou de mutualité sociale agricole (MSA) ;",
    "l'agence départementale d'information sur le logement (ADIL), pour un conseil juridique gratuit sur le logement ;",
    "la Banque de France, pour déposer un dossier de surendettement.",
  ],
  closing: "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
  signature: (counsellor: string) => [counsellor, `Pour ${LETTERHEAD.organisation}`],
} as const;

const OUTCOME_WORDS: Record<Outcome, string> = {
  eligible: "éligible",
  ineligible: "non éligible",
  review: "à examiner par votre conseiller",
  incomplete: "dossier incomplet",
};

export const ENGAGEMENT = {
  title: "Engagement réciproque",
  subtitle: "Plan d'actions convenu entre vous et Action Logement Services",
  /** Why this document exists, per directive version: the clause it rests on is quoted after it. */
  basis: {
    always_signed:
      "Les solutions préconisées sont mises en œuvre dans le cadre d'un protocole d'engagement réciproque signé entre vous et Action Logement Services : les actions du plan commencent une fois ce document signé. La directive le prévoit :",
    when_appropriate:
      "Le cas échéant, ce document formalise votre adhésion au plan d'actions proposé par votre conseiller : sa signature vous est proposée, mais l'accompagnement peut se poursuivre sans elle, pour un motif noté au dossier. La directive le prévoit :",
  },
  partiesHeading: "Entre les soussignés",
  beneficiary: (name: string) => `${name}, ci-après «\u00a0le bénéficiaire\u00a0»,`,
  and: "et",
  als: (agency: string, counsellor: string) =>
    `${LETTERHEAD.organisation}, ${agency}, représentée par ${counsellor}, conseiller social, ci-après «\u00a0ALS\u00a0».`,
  alsHeading: "Action Logement Services s'engage à",
  alsCommitments: [
    "mettre en œuvre les actions du plan qui lui reviennent, dans les délais indiqués ;",
    "mobiliser, selon votre situation, les services et produits d'Action Logement, les aides externes et les partenaires de l'accompagnement social ;",
    "suivre avec vous la mise en œuvre du plan, vous recevoir ou vous appeler aux rendez-vous convenus, et mesurer la qualité du service rendu ;",
    "respecter la confidentialité de votre situation vis-à-vis de votre employeur et protéger vos données personnelles ;",
    "ne vous demander aucune somme : le service est gratuit.",
  ],
  beneficiaryHeading: "Le bénéficiaire s'engage à",
  beneficiaryCommitments: [
    "réaliser les actions du plan qui lui reviennent, dans les délais indiqués ;",
    "venir aux rendez-vous convenus ou prévenir son conseiller en cas d'empêchement ;",
    "transmettre les justificatifs demandés et informer son conseiller de tout changement de sa situation (ressources, logement, famille, emploi) ;",
    "dire à son conseiller si une action ne lui paraît plus possible, afin d'adapter le plan ensemble.",
  ],
  planHeading: "Le plan d'actions",
  planColumns: ["Action", "Responsable", "Échéance", "Montant"],
  noDueDate: "à convenir",
  noAmount: "—",
  emptyPlan: "Aucune action n'est encore inscrite au plan.",
  owners: {
    beneficiary: "Le bénéficiaire",
    counsellor: "Le conseiller social",
    partner: "Organisme partenaire",
  } satisfies Record<ActionOwner, string>,
  ownerNamed: (label: string, name: string) => `${label} : ${name}`,
  noRightHeading: "Portée de cet engagement",
  noRight:
    "Cet engagement n'ouvre aucun droit automatique à une aide : chaque aide ou produit inscrit au plan reste soumis à ses propres conditions et à la décision d'Action Logement Services («\u00a0Droit ouvert : non\u00a0»). Le plan peut être revu d'un commun accord au cours du suivi. La directive prévoit le suivi de sa mise en œuvre :",
  rentalService:
    "L'accompagnement peut intervenir en lien avec le service locatif d'Action Logement Services pour lever les freins à l'attribution d'un logement, sans accès prioritaire au logement :",
  planDated: (on: string) => `Plan d'actions proposé le ${frenchDate(on)}.`,
  signaturesHeading: "Signatures",
  signatureBeneficiary: (name: string) => [
    "Le bénéficiaire",
    name,
    "Fait à ……………………, le ……………………",
    "Signature précédée de la mention «\u00a0Lu et approuvé\u00a0»",
  ],
  signatureAls: (counsellor: string) => [
    `Pour ${LETTERHEAD.organisation}`,
    `${counsellor}, conseiller social`,
    "Fait à ……………………, le ……………………",
    "Signature",
  ],
  acceptedOnline: (on: string) =>
    `Le bénéficiaire a pris connaissance de cet engagement et l'a accepté en ligne le ${frenchDate(on)}.`,
  signedOn: (on: string) => `Cet engagement a été signé par les deux parties le ${frenchDate(on)}.`,
} as const;

// The personal-data export (GDPR art. 15).
export const PERSONAL_DATA = {
  title: "Données personnelles détenues par le service d'accompagnement social",
  intro: (generatedOn: string) =>
    `Relevé établi le ${frenchDate(generatedOn)} en réponse à votre demande d'accès (article 15 du RGPD). ` +
    "Il réunit tout ce que l'agence détient à votre sujet, dossier par dossier. Les pièces jointes sont " +
    "seulement listées ; une copie de chacune peut vous être remise sur demande.",
  identityHeading: "Identité et coordonnées",
  caseHeading: (reference: string, status: string) => `Dossier ${reference} (${status})`,
  requestHeading: "Demande",
  snapshotsHeading: "Évaluations de l'éligibilité",
  decisionHeading: "Décision, engagement et clôture",
  diagnosisHeading: "Diagnostic social",
  sensitiveWithheld:
    "Les rubriques sensibles de ce dossier (santé, violences, notes) ne figurent pas dans ce relevé : " +
    "demandez le relevé complet au responsable de l'agence.",
  actionsHeading: "Plan d'actions",
  appointmentsHeading: "Rendez-vous",
  referralsHeading: "Orientations vers un organisme partenaire",
  outcomesHeading: "Résultats de l'accompagnement",
  surveysHeading: "Questionnaires de satisfaction",
  aidsHeading: "Aides financières",
  documentsHeading: "Pièces jointes (liste)",
  none: "Aucun élément.",
  confidential: "Document confidentiel : vos données personnelles",
  page: (current: number, count: number) => `Page ${current} / ${count}`,
  labels: {
    firstName: "Prénom",
    lastName: "Nom",
    birthDate: "Date de naissance",
    email: "Adresse électronique",
    phone: "Téléphone",
    postcode: "Code postal",
    preferredChannel: "Moyen de contact préféré",
    preferredTimes: "Disponibilités",
    organisation: "Agence",
    counsellor: "Conseiller",
    directive: "Directive appliquée",
    channel: "Canal de la demande",
    requestedOn: "Demande reçue le",
    situationSummary: "Situation décrite",
    legalBasis: "Base légale",
    consentGivenAt: "Consentement donné le",
    noticeVersion: "Version de la notice d'information",
  } as Record<string, string>,
  diagnosisSections: {
    household: "Composition du foyer",
    income: "Ressources",
    expenses: "Charges",
    debts: "Dettes",
    housing: "Logement",
    employment: "Emploi",
    sensitive: "Rubriques sensibles",
    health: "Santé",
    violence: "Violences",
    notes: "Notes libres",
  } as Record<string, string>,
  /** Names of the stored fields the export spells out (decision, closure, diagnosis items). */
  fieldNames: {
    kind: "nature",
    on: "date",
    motive: "motif",
    reason: "raison",
    outcome: "résultat",
    relation: "lien",
    age: "âge",
    dependant: "à charge",
    monthlyCents: "montant mensuel",
    label: "libellé",
    creditor: "créancier",
    amountCents: "montant",
    arrearsCents: "impayés",
    stage: "étape",
    occupancy: "statut d'occupation",
    monthlyCostCents: "loyer ou mensualité",
    landlordType: "bailleur",
    procedure: "procédure",
    activity: "activité",
    contractType: "contrat",
    workingTime: "temps de travail",
    since: "depuis",
    indicators: "indicateurs",
    comment: "commentaire",
    directive: "directive",
    assessedOn: "évalué le",
  } as Record<string, string>,
  snapshot: (on: string, outcome: string) => `Évaluation du ${frenchDate(on)} : ${outcome}`,
  action: (title: string, status: string, dueOn: string) =>
    `${title} (${status}, échéance le ${frenchDate(dueOn)})`,
  appointment: (at: string, channel: string) => `${at} (${channel})`,
  referral: (organisation: string, on: string) => `${organisation}, le ${on}`,
  survey: (on: string, rating: number | null) => `Réponse du ${on} : note ${rating ?? "—"} / 5`,
  aid: (product: string, amount: string, status: string, year: number) =>
    `${product} : ${amount} (${status}, enveloppe ${year})`,
  document: (name: string, mediaType: string, sizeBytes: number, on: string) =>
    `${name} (${mediaType}, ${sizeBytes} octets), déposé le ${on}`,
  unset: "—",
  yes: "oui",
  no: "non",
} as const;
