// Every French text of the statistics routes: OpenAPI summaries and descriptions, the CSV's headings and
// the names of its sections and rows.

export const statisticsRouteMessages = {
  statisticsSummary: "Statistiques de l'agence sur une période (agrégats, sans donnée personnelle)",
  statisticsDescription:
    "Demandes reçues par mois, par canal et par directive ; décisions ; dossiers par étape aujourd'hui ; " +
    "dossiers ouverts et actions en retard par conseiller ; délais (médiane et 9e décile) de la demande " +
    "au premier contact, au diagnostic et à la clôture ; motifs et résultats des clôtures ; réponses au " +
    "questionnaire de satisfaction. Période : from et to (AAAA-MM-JJ, inclus), 24 mois au plus ; par " +
    "défaut les 12 derniers mois. Réservé au responsable, pour sa seule agence.",
  statisticsCsvSummary: "Les mêmes statistiques, en CSV (une ligne par chiffre)",
  counsellorsSummary: "Conseillers actifs de l'agence, avec leur nombre de dossiers ouverts",
  counsellorsDescription:
    "Pour attribuer un dossier : les conseillers de l'agence du responsable, comptes désactivés exclus.",
} as const;

export const STATISTICS_CSV_HEADINGS = ["rubrique", "clé", "valeur"] as const;

/** The CSV's sections (first column) and the keys (second column) that are not data. */
export const statisticsCsvLabels = {
  period: "période",
  periodStart: "début",
  periodEnd: "fin",
  openedByMonth: "demandes_par_mois",
  openedByMonthAndChannel: (channel: string) => `demandes_par_mois_${channel}`,
  openedByDirective: "demandes_par_directive",
  decisions: "décisions",
  casesByStatus: "dossiers_par_étape",
  caseload: "portefeuille",
  openCases: "dossiers_ouverts",
  unassignedOpenCases: "dossiers_sans_conseiller",
  overdueActions: "actions_en_retard",
  openCasesByCounsellor: "dossiers_ouverts_par_conseiller",
  overdueActionsByCounsellor: "actions_en_retard_par_conseiller",
  duration: (name: string) => `délai_${name}`,
  durationCases: "dossiers",
  durationMedian: "médiane_jours",
  durationP90: "9e_décile_jours",
  closuresByReason: "clôtures_par_motif",
  closureOutcomes: "résultats",
  survey: "satisfaction",
} as const;
