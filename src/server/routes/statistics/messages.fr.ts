// Every French text of the statistics routes: OpenAPI summaries and descriptions, CSV headings.

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
