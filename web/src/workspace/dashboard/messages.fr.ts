// Every French text of the manager's dashboard and of the assignment control.

export const dashboardMessages = {
  title: "Tableau de bord de l'agence",
  intro: (agency: string) =>
    `Chiffres de ${agency} : demandes reçues, portefeuille, délais et satisfaction. Des agrégats seulement, sans aucune donnée personnelle.`,
  loading: "Chargement des statistiques…",
  loadingChart: "Chargement du graphique…",
  failed: "Les statistiques ne sont pas disponibles pour le moment.",
  period: {
    legend: "Période",
    from: "Du",
    to: "Au",
    hint: "JJ/MM/AAAA, 24 mois au plus",
    dateFormat: "Indiquez une date au format JJ/MM/AAAA.",
    apply: "Afficher",
    shown: (from: string, to: string) => `Période du ${from} au ${to}.`,
    csv: "Télécharger ces chiffres (CSV)",
  },
  keyFigures: {
    title: "Chiffres clés",
    opened: "Demandes reçues sur la période",
    openCases: "Dossiers ouverts aujourd'hui",
    unassigned: "Dossiers ouverts sans conseiller",
    overdue: "Actions en retard",
    firstContact: "Délai médian jusqu'au premier contact",
    satisfied: "Réponses satisfaites ou très satisfaites",
  },
  days: (days: number | null) =>
    days === null ? "—" : `${new Intl.NumberFormat("fr-FR").format(days)} ${days > 1 ? "jours" : "jour"}`,
  percent: (part: number, total: number) =>
    total === 0 ? "—" : new Intl.NumberFormat("fr-FR", { style: "percent" }).format(part / total),
  opened: {
    title: "Nouvelles demandes par mois",
    summary: "Demandes reçues chaque mois de la période, empilées par canal d'arrivée.",
    caption: "Demandes reçues par mois et par canal",
    month: "Mois",
    total: "Total",
    directiveTitle: "Demandes par directive applicable",
    directive: "Directive",
    count: "Demandes",
  },
  channels: {
    web_form: "Formulaire en ligne",
    phone: "Téléphone",
    visit: "Visite",
    partner_referral: "Orientation par un partenaire",
  },
  decisions: {
    title: "Décisions",
    summary: "Décisions prises sur les demandes reçues pendant la période.",
    kind: "Décision",
    count: "Dossiers",
    labels: { admitted: "Admission", refused: "Refus", redirected: "Réorientation" },
  },
  status: {
    title: "Dossiers par étape aujourd'hui",
    summary: "Nombre de dossiers de l'agence à chaque étape, à ce jour, quelle que soit la période.",
    caption: "Dossiers par étape",
    status: "Étape",
    count: "Dossiers",
  },
  counsellors: {
    title: "Portefeuille par conseiller",
    summary: "Dossiers ouverts (non clôturés) et actions en retard de chaque conseiller, à ce jour.",
    caption: "Dossiers ouverts et actions en retard par conseiller",
    name: "Conseiller",
    openCases: "Dossiers ouverts",
    overdue: "Actions en retard",
    unassigned: (count: number) =>
      `${new Intl.NumberFormat("fr-FR").format(count)} dossier(s) ouvert(s) sans conseiller.`,
    empty: "Aucun conseiller dans l'agence.",
  },
  quality: {
    title: "Qualité du service : délais",
    summary:
      "Jours écoulés depuis la demande, pour les étapes atteintes pendant la période : médiane et 9e décile (9 dossiers sur 10 en ce délai ou moins).",
    caption: "Délais depuis la demande, en jours",
    measure: "Étape",
    count: "Dossiers mesurés",
    median: "Médiane (jours)",
    p90: "9e décile (jours)",
    labels: {
      toFirstContact: "Premier contact",
      toDiagnosis: "Diagnostic",
      toClosure: "Clôture",
    },
  },
  closures: {
    title: "Clôtures et résultats",
    summary: (total: number) =>
      `${new Intl.NumberFormat("fr-FR").format(total)} dossier(s) clôturé(s) pendant la période.`,
    reason: "Motif de clôture",
    outcome: "Résultat obtenu",
    count: "Dossiers",
  },
  survey: {
    title: "Satisfaction",
    summary: (answered: number) =>
      `${new Intl.NumberFormat("fr-FR").format(answered)} réponse(s) au questionnaire reçue(s) pendant la période.`,
    rating: "Réponse",
    count: "Réponses",
  },
  assign: {
    label: "Conseiller en charge",
    labelFor: (reference: string) => `Conseiller en charge du dossier ${reference}`,
    choose: "Choisir un conseiller",
    option: (name: string, openCases: number) =>
      `${name} (${new Intl.NumberFormat("fr-FR").format(openCases)} dossier${openCases > 1 ? "s" : ""} ouvert${openCases > 1 ? "s" : ""})`,
    submit: "Attribuer",
    submitFor: (reference: string) => `Attribuer le dossier ${reference}`,
    required: "Choisissez un conseiller.",
    done: (name: string) => `Dossier attribué à ${name}.`,
    current: (name: string) => `Attribué à ${name}`,
    nobody: "Aucun conseiller en charge",
    stale: "Le dossier a été modifié entre-temps : rechargez la page, puis recommencez.",
    failed: "L'attribution n'a pas pu être enregistrée.",
    unavailable: "La liste des conseillers n'est pas disponible.",
    title: "Attribution",
    column: "Attribuer",
  },
} as const;
