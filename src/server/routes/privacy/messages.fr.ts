// The French texts of the GDPR routes' OpenAPI summaries and descriptions (their refusals' texts are the use
// cases', in src/services/privacy/messages.fr.ts).
import { JUSTIFIED_ACCESS_MINUTES } from "../../../services/privacy/index.ts";

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
