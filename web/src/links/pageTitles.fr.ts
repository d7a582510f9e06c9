// The one-time link pages' titles and loading notes: the shell shows them before the page's chunk arrives,
// so they live apart from the pages' other messages, which stay out of the home page's script.
export const linkPageTitles = {
  engagement: { title: "Votre engagement réciproque", loading: "Chargement de votre engagement…" },
  survey: { title: "Votre avis sur l'accompagnement", loading: "Chargement du questionnaire…" },
} as const;
