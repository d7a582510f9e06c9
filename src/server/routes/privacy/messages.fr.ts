// Every French text of the GDPR routes: OpenAPI summaries and descriptions, and the problems they answer.
import { JUSTIFIED_ACCESS_MINUTES } from "../../privacy/justifications.ts";

export const privacyRouteMessages = {
  justifySummary: "Enregistrer la justification d'une consultation de dossier (auditeurs)",
  justifyDescription:
    `Inscrit au journal d'audit la justification écrite (au moins 10 caractères) et ouvre le dossier en ` +
    `lecture seule à cet auditeur pendant ${JUSTIFIED_ACCESS_MINUTES} minutes. Le motif est conservé à part ` +
    "(le journal cite l'identifiant de la justification) : n'y écrivez pas de données sur la personne.",
  justifiedReadSummary: "Consulter un dossier sous justification (auditeurs, lecture seule)",
  justifiedReadDescription:
    "Répond 403 sans justification en cours pour ce dossier. Les rubriques sensibles du diagnostic ne sont " +
    "jamais montrées. Chaque consultation est inscrite au journal d'audit avec l'identifiant de la justification.",
  justifiedTimelineSummary: "Historique d'un dossier sous justification (auditeurs, lecture seule)",
  exportSummary: "Tout ce que l'agence détient sur la personne (droit d'accès, RGPD art. 15)",
  exportDescription:
    "Identité, demandes, et chaque dossier de l'agence qui semble concerner la même personne (même règle que " +
    "la détection des doublons) : évaluations, diagnostic (rubriques sensibles déchiffrées pour le conseiller " +
    "en charge et le responsable d'agence), actions, rendez-vous, orientations, clôture, questionnaires, aides " +
    "et liste des pièces. L'export est inscrit au journal d'audit.",
  exportPdfSummary: "Le même relevé en PDF lisible, en français",
  rectifySummary: "Rectifier l'identité ou les coordonnées de la personne (RGPD art. 16)",
  rectifyDescription:
    "Seuls les champs envoyés changent ; null efface un champ facultatif. Exige If-Match (428 sans, 412 si " +
    "le dossier a changé). L'historique et le journal gardent la liste des champs modifiés, pas les valeurs.",
  eraseSummary: "Effacer les données personnelles du dossier (RGPD art. 17)",
  eraseDescription:
    "Possible seulement pour un dossier clôturé, ou une demande jamais évaluée, et jamais tant qu'une aide de " +
    "l'enveloppe est en cours (obligations comptables) : 409 sinon, avec la raison. Les données personnelles " +
    "sont remplacées aussitôt, comme le fait la durée de conservation ; le journal garde l'événement, pas les " +
    "données. Irréversible.",
} as const;

export const privacyProblemMessages = {
  justificationRequired: {
    title: "Justification requise",
    detail:
      "Un auditeur ne peut consulter le contenu d'un dossier qu'après avoir enregistré une justification " +
      "écrite : POST /api/v1/cases/{id}/access-justifications. L'accès dure " +
      `${JUSTIFIED_ACCESS_MINUTES} minutes.`,
  },
  contactRequired: "Gardez une adresse électronique ou un numéro de téléphone pour joindre la personne.",
  unknownPostcode: "Ce code postal n'existe pas dans la liste officielle des codes postaux.",
  alreadyErased: {
    title: "Données déjà effacées",
    detail: "Les données personnelles de ce dossier ont déjà été effacées : il n'y a plus rien à rectifier.",
  },
  erasureRefused: { title: "Effacement impossible" },
  erasureRefusals: {
    case_in_progress:
      "Le dossier est en cours : l'effacement n'est possible que pour un dossier clôturé ou une demande " +
      "jamais évaluée. Clôturez d'abord le dossier.",
    aid_in_progress:
      "Une aide de l'enveloppe est en cours sur ce dossier (proposée, accordée et non versée, ou prêt en " +
      "remboursement) : ses données comptables doivent être conservées (RGPD art. 17.3.b).",
    already_erased: "Les données personnelles de ce dossier ont déjà été effacées.",
  },
} as const;
