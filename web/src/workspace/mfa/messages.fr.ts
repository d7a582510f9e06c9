// French texts of the second factor: the enrolment screen, the account security page and its menu link.
export const mfaMessages = {
  title: "Activez la vérification en deux étapes",
  documentTitle: "Vérification en deux étapes",
  requiredIntro:
    "Votre rôle donne accès à des données sensibles : un second facteur est obligatoire avant d'utiliser l'espace.",
  appIntro:
    "Installez une application d'authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator), puis suivez ces deux étapes.",
  preparing: "Préparation de votre clé…",
  setupFailed: "La clé n'a pas pu être préparée. Réessayez dans quelques instants.",
  retry: "Réessayer",
  scanTitle: "1. Ajoutez le compte dans l'application",
  scan: "Scannez ce QR code avec l'application :",
  qrLabel: "QR code contenant votre clé, à scanner avec l'application d'authentification",
  manual: "Si vous ne pouvez pas scanner, saisissez cette clé à la main (type « basé sur le temps ») :",
  codeTitle: "2. Confirmez avec un premier code",
  code: "Code à 6 chiffres affiché par l'application",
  codeFormat: "Le code comporte exactement 6 chiffres.",
  required: "Ce champ est obligatoire.",
  invalidCode:
    "Ce code ne correspond pas : vérifiez l'heure du téléphone et saisissez le code affiché maintenant.",
  setupMissing:
    "La clé a expiré : une nouvelle clé vient d'être préparée ; ajoutez-la de nouveau dans l'application.",
  tooManyRequests: "Trop d'essais en peu de temps : patientez une minute puis réessayez.",
  confirm: "Activer la vérification",
  confirming: "Vérification du code…",
  recoveryTitle: "Vos codes de secours",
  recoveryIntro:
    "La vérification en deux étapes est activée. Si vous perdez votre téléphone, chacun de ces codes remplace une fois le code de l'application. Ils ne seront plus jamais affichés : téléchargez-les ou notez-les, et gardez-les en lieu sûr, hors de ce poste.",
  recoveryListLabel: "Codes de secours",
  download: "Télécharger les codes (fichier texte)",
  fileName: "appui-codes-de-secours.txt",
  fileHeader: (email: string) =>
    `Appui — codes de secours de ${email}\nChaque code ne sert qu'une fois, à la place du code de l'application.\n\n`,
  kept: "J'ai conservé mes codes de secours en lieu sûr",
  keptRequired: "Cochez cette case une fois vos codes conservés.",
  continue: "Continuer vers mon espace",
  renewedIntro:
    "Voici vos nouveaux codes de secours. Les anciens codes, utilisés ou non, ne fonctionnent plus. Ces nouveaux codes ne seront plus jamais affichés : téléchargez-les ou notez-les, et gardez-les en lieu sûr, hors de ce poste.",
  done: "Terminer",
  notEnabled: "La double authentification n'est pas active sur ce compte : activez-la d'abord.",
  security: {
    menuLink: "Sécurité du compte",
    title: "Sécurité du compte",
    inactive:
      "La double authentification n'est pas activée sur votre compte. Une fois activée, chaque connexion demandera, après le mot de passe, un code à 6 chiffres affiché par une application de votre téléphone.",
    activate: "Activer la double authentification",
    active:
      "La double authentification est active : chaque connexion demande un code de votre application, ou un code de secours.",
    activated: "La double authentification est activée sur votre compte.",
    renewTitle: "Renouveler mes codes de secours",
    renewIntro:
      "Si vous avez utilisé ou égaré vos codes de secours, demandez-en dix nouveaux. Les anciens codes, utilisés ou non, cesseront aussitôt de fonctionner.",
    renewCode: "Code à 6 chiffres affiché par l'application",
    renew: "Renouveler mes codes de secours",
    renewed: "Vos nouveaux codes de secours sont enregistrés ; les anciens ne fonctionnent plus.",
  },
  networkFailure: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez.",
} as const;
