// Every French text the command line shows, in one place.
import { OUTCOME_LABELS, type Outcome } from "../core/rules/index.ts";

export const GENERAL_HELP = `appui : outils en ligne de commande d'Appui (service ASD d'Action Logement).

Utilisation :
  appui <commande> [options]

Commandes :
  eligibility [fichier]   Évalue l'éligibilité de situations au service ASD selon la directive en vigueur
                          à leur date de demande.
  impact --from <réf> --to <réf> [fichier]
                          Liste les situations dont l'issue change entre deux versions de la directive.
  db <sous-commande>      Administration de la base de données (migrations, ...).
  audit verify            Vérifie que le journal d'audit n'a pas été modifié (chaîne d'empreintes).
  users add|set-password|reset-mfa
                          Comptes du personnel : création, mot de passe, second facteur.
  retention run [--dry-run]
                          Anonymise les dossiers clos depuis plus de RETENTION_YEARS ans (5 par défaut).
  parameters list|history|set
                          Paramètres des règles fixés par Action Logement Services : valeurs en
                          vigueur, historique, enregistrement d'une nouvelle valeur datée.
  keys rotate             Rechiffre avec DATA_ENCRYPTION_KEY les données chiffrées avec une clé
                          précédente (DATA_ENCRYPTION_KEYS_PREVIOUS).

Options générales :
  -h, --help              Affiche cette aide (ou celle d'une commande : appui eligibility --help).

Détail d'une commande : appui <commande> --help`;

export const ELIGIBILITY_HELP = `appui eligibility [fichier] [--explain] [--param tempWorkerMinHours=N]

Lit des situations au format JSON Lines (une situation JSON par ligne) dans le fichier indiqué, ou sur
l'entrée standard si aucun fichier n'est donné (ou si le fichier est « - »), et écrit sur la sortie
standard un résultat JSON par ligne lue, dans le même ordre. Le traitement se fait au fil de l'eau :
la mémoire utilisée ne dépend pas de la taille de l'entrée.

Une ligne qui n'est pas du JSON ou qui ne respecte pas le format d'une situation produit à sa place :
  { "id": ... (si lisible), "line": n, "error": { "code", "message", "path" } }
et le traitement continue. Les lignes vides (ou faites d'espaces) sont ignorées et ne produisent rien,
mais elles comptent dans la numérotation des lignes (la première ligne porte le numéro 1).

Options :
  --explain               Écrit une explication en français (avec les articles des directives)
                          au lieu du JSON ; les blocs sont séparés par une ligne vide.
  --param clé=valeur      Remplace un paramètre fixé par Action Logement Services pour cette exécution
                          (répétable). Paramètres : PARAMETERS
  -h, --help              Affiche cette aide.

Code de sortie : 0 si toutes les lignes étaient valides, 2 sinon (ou en cas d'erreur d'utilisation).

Le résultat éclaire la décision du conseiller social et ne la remplace pas : aucune directive
n'ouvre de droit automatique.`;

export const IMPACT_HELP = `appui impact --from <référence> --to <référence> [fichier]

Lit des situations au format JSON Lines (fichier ou entrée standard), les évalue selon les deux versions
de la directive et écrit sur la sortie standard, pour chaque situation dont l'issue change, un résultat
JSON avec les deux issues et les articles responsables du changement. Les lignes invalides produisent
un objet d'erreur comme pour « appui eligibility » ; les lignes vides sont ignorées mais comptées.
Un résumé (situations lues, changements par couple d'issues) est écrit sur la sortie d'erreur.

Options :
  --from <référence>      Version de départ, par exemple PP_EX_CPA_2_DIR.
  --to <référence>        Version d'arrivée, par exemple PP_SERV_ASD_2_DIR.
  --param clé=valeur      Remplace un paramètre fixé par Action Logement Services (répétable).
  -h, --help              Affiche cette aide.

Références connues : REFERENCES

Code de sortie : 0 si toutes les lignes étaient valides, 2 sinon (ou en cas d'erreur d'utilisation).`;

export const PARAMETERS_HELP = `appui parameters <sous-commande>

Paramètres des règles que les directives laissent à Action Logement Services, conservés avec leur
historique daté dans la base configurée (DATABASE_URL, ou la base embarquée sous DATA_DIR, comme
npm start ; la base doit être migrée : appui db migrate).

Sous-commandes :
  list [--date AAAA-MM-JJ] [--json]
                          Valeurs en vigueur à la date indiquée (aujourd'hui, heure de Paris, par
                          défaut), avec la date depuis laquelle chacune s'applique.
  history [clé] [--json]  Toutes les valeurs enregistrées, par date d'application puis
                          d'enregistrement (--json : une ligne JSON par valeur).
  set <clé> <valeur> --from AAAA-MM-JJ --reason "motif"
                          Enregistre une nouvelle valeur, applicable à partir de la date indiquée.
                          Les valeurs précédentes restent dans l'historique : une évaluation passée
                          se rejoue avec la valeur en vigueur à sa date de demande. Pour corriger
                          une valeur, enregistrez-en une nouvelle à la même date.

Options :
  -h, --help              Affiche cette aide.

Paramètres : PARAMETERS

Code de sortie : 0 en cas de succès, 2 si la commande ou une valeur est incorrecte, 1 si la base
est inaccessible.`;

export const DB_HELP =
  "Usage : appui db migrate\n  Applique les migrations à la base configurée (DATABASE_URL ou DATA_DIR).";

export const AUDIT_HELP = `appui audit verify [--anchor <n°>:<empreinte>]...

Vérifie le journal d'audit de la base configurée (DATABASE_URL, ou la base embarquée sous DATA_DIR) :
chaque événement porte l'empreinte SHA-256 de son contenu et de l'événement précédent ; une modification
ou une suppression rompt la chaîne. Liste chaque maillon rompu, puis le numéro du premier.

La chaîne seule ne révèle pas la suppression des derniers événements. Notez régulièrement, hors de la
base, la dernière empreinte affichée, puis passez-la à --anchor : la vérification échoue si cet
événement a disparu ou changé.

Code de sortie : 0 si le journal est intact, 1 s'il a été altéré, 2 en cas d'erreur d'utilisation,
3 si le journal n'a pas pu être lu.`;

export const KEYS_HELP = `appui keys rotate [--batch-size N]

Rechiffre avec la clé courante (DATA_ENCRYPTION_KEY) toutes les données chiffrées dans l'application
(secrets TOTP, résumés de situation, thèmes sensibles des diagnostics, notes de rendez-vous) qui le sont
encore avec une clé précédente (DATA_ENCRYPTION_KEYS_PREVIOUS), par lots de N lignes (500 par défaut),
une transaction par lot. Peut être relancée sans risque : une donnée déjà sous la clé courante est
laissée telle quelle. Ensuite, les clés précédentes peuvent être retirées de la configuration.

Code de sortie : 0 en cas de succès, 2 en cas d'erreur d'utilisation, 1 si la base est inaccessible ou si
une donnée ne peut être déchiffrée avec aucune des clés configurées.`;

const count = (value: number) => value.toLocaleString("fr-FR");

export const cliMessages = {
  seeHelp: "Tapez « appui --help » pour l'aide.",
  missingCommand: "Aucune commande indiquée.",
  unknownCommand: (name: string) => `Commande inconnue : « ${name} ».`,
  unknownOption: (name: string) => `Option inconnue : « ${name} ».`,
  missingOptionValue: (name: string) => `L'option « ${name} » attend une valeur.`,
  unexpectedOptionValue: (name: string) => `L'option « ${name} » ne prend pas de valeur.`,
  repeatedOption: (name: string) => `L'option « ${name} » est donnée plusieurs fois.`,
  tooManyFiles: "Un seul fichier d'entrée peut être indiqué.",
  unreadableFile: (file: string, reason: string) => `Impossible de lire le fichier « ${file} » : ${reason}.`,
  fileNotFound: "fichier introuvable",
  isDirectory: "c'est un dossier",
  accessDenied: "accès refusé",
  malformedParameter: (text: string) =>
    `Paramètre mal formé : « ${text} » (forme attendue : clé=valeur, par exemple tempWorkerMinHours=414).`,
  unknownParameter: (key: string, known: string) =>
    `Paramètre inconnu : « ${key} ». Paramètres connus : ${known}.`,
  parameterOutOfRange: (key: string, min: number, max: number, unit: string) =>
    `Le paramètre « ${key} » doit être un nombre entre ${min} et ${max} (${unit}).`,
  missingDirectiveOption: (name: string) =>
    `L'option « ${name} » est obligatoire (référence d'une directive).`,
  unknownDirective: (reference: string, known: string) =>
    `Directive inconnue : « ${reference} ». Références connues : ${known}.`,
  missingParametersSubcommand: "Aucune sous-commande indiquée (list, history ou set).",
  unknownParametersSubcommand: (name: string) =>
    `Sous-commande inconnue : « ${name} » (attendu : list, history ou set).`,
  unexpectedArgument: (text: string) => `Argument inattendu : « ${text} ».`,
  missingOption: (name: string) => `L'option « ${name} » est obligatoire.`,
  setNeedsKeyAndValue:
    'Indiquez le paramètre et sa valeur, par exemple : appui parameters set tempWorkerMinHours 450 --from 2026-01-01 --reason "...".',
  invalidParameterDate: (option: string, text: string) =>
    `Date invalide pour « ${option} » : « ${text} » (format attendu AAAA-MM-JJ, avec un jour qui existe).`,
  parameterRefused: (key: string, value: string, reason: string) =>
    `Valeur refusée pour « ${key} » : « ${value} ». ${reason}`,
  parameterRecorded: (key: string, value: number, unit: string, from: string) =>
    `Valeur enregistrée : ${key} = ${count(value)} ${unit}, à partir du ${from}.`,
  parametersInForceOn: (date: string) => `Paramètres en vigueur le ${date} :`,
  parameterLine: (key: string, value: number, unit: string, since: string | null) =>
    `${key} = ${count(value)} ${unit} ${since === null ? "(valeur par défaut)" : `(depuis le ${since})`}`,
  historyLine: (from: string, key: string, value: number, recordedAt: string, reason: string | null) =>
    `${from}  ${key} = ${count(value)}  (enregistrée le ${recordedAt})${reason === null ? "" : `  ${reason}`}`,
  emptyParameterHistory: "Aucune valeur enregistrée : les valeurs par défaut s'appliquent.",
  parameterDescription: (label: string, unit: string, byDefault: number, min: number, max: number) =>
    `${label}, ${unit}, défaut ${byDefault}, de ${min} à ${max}`,
  parameterDefinitionLine: (label: string, min: number, max: number, byDefault: number, clause: string) =>
    `${label} (de ${min} à ${max}, défaut ${byDefault}, article ${clause})`,
  migrationsUpToDate: "Base déjà à jour : aucune migration à appliquer.",
  migrationsApplied: (names: readonly string[]) => `Migrations appliquées : ${names.join(", ")}`,
  invalidAnchor: (text: string) =>
    `--anchor attend <n°>:<empreinte de 64 caractères hexadécimaux>, reçu « ${text} ».`,
  auditUnreadable: "Impossible de lire le journal d'audit : ",
  auditEmpty: "Journal d'audit vide : rien à vérifier.",
  auditIntact: (events: number, lastSeq: number) =>
    `Journal d'audit intact : ${events} événement(s), chaîne vérifiée jusqu'au n° ${lastSeq}.`,
  auditAnchorToKeep: (lastSeq: number, lastHash: string) =>
    `Dernière empreinte, à noter hors de la base : --anchor ${lastSeq}:${lastHash}`,
  auditAltered: (breaks: number, events: number) =>
    `Journal d'audit ALTÉRÉ : ${breaks} maillon(s) rompu(s) sur ${events} événement(s) lus.`,
  auditFirstBreak: (seq: number) => `Premier maillon rompu : n° ${seq}`,
  auditBreak: {
    hashMismatch: (seq: number) => `événement n° ${seq} : contenu modifié (son empreinte ne correspond plus)`,
    prevHashMismatch: (seq: number) =>
      `événement n° ${seq} : ne suit pas l'événement précédent (chaînage rompu)`,
    missingBefore: (seq: number, expectedSeq: number) =>
      `événement(s) n° ${expectedSeq} à ${seq - 1} manquant(s) (supprimé(s)) avant le n° ${seq}`,
    unexpectedSeq: (seq: number, expectedSeq: number) =>
      `événement n° ${seq} : numéro inattendu (attendu n° ${expectedSeq})`,
    anchorMismatch: (seq: number) => `événement n° ${seq} : son empreinte n'est plus celle notée (--anchor)`,
    anchorMissing: (seq: number) =>
      `événement n° ${seq} absent alors qu'il a été noté (--anchor) : journal tronqué`,
  },
  invalidBatchSize: (text: string) => `--batch-size : un entier de 1 à 10000 est attendu (reçu « ${text} »).`,
  keysRotated: "Données rechiffrées avec la clé courante :",
  rotatedColumn: (column: string, rotated: number) => `  ${column} : ${rotated}`,
  unreadableEncryptedValue: (keyId: string, reason: string) =>
    `une donnée chiffrée ne peut être déchiffrée avec aucune clé configurée (clé ${keyId}, ${reason}) ; les lots précédents sont rechiffrés, ajoutez la clé manquante à DATA_ENCRYPTION_KEYS_PREVIOUS et relancez.`,
  databaseNotMigrated:
    "La base de données n'est pas à jour : appliquez d'abord les migrations (appui db migrate).",
  databaseError: (sqlState: string) => `Erreur de la base de données (code ${sqlState}).`,
  invalidJson: "Cette ligne n'est pas un JSON valide.",
  noDirectiveInForce: (date: string) =>
    `Aucune directive n'est en vigueur à la date de demande ${date} (la première s'applique à partir du 1er juin 2021).`,
  invalidSituation: "Une situation doit être un objet JSON.",
  explainedLineError: (line: number, message: string, path: string) =>
    `Ligne ${line} : erreur de saisie. ${message}${path === "" ? "" : ` (champ ${path})`}`,
  impactSummary: (read: number, changed: number, errors: number) =>
    `${count(read)} situation${read > 1 ? "s" : ""} lue${read > 1 ? "s" : ""}, ` +
    `${count(changed)} change${changed > 1 ? "nt" : ""} d'issue` +
    (errors > 0 ? `, ${count(errors)} ligne${errors > 1 ? "s" : ""} en erreur.` : "."),
  impactPair: (from: Outcome, to: Outcome, changes: number) =>
    `  ${OUTCOME_LABELS[from]} → ${OUTCOME_LABELS[to]} : ${count(changes)}`,
} as const;
