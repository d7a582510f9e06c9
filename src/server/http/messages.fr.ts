// French texts of the HTTP helpers' own refusals (headers the helpers read).
export const httpMessages = {
  idempotencyKeyInvalid: "L'en-tête Idempotency-Key doit compter de 1 à 200 caractères imprimables.",
} as const;
