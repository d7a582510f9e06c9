// IBAN checks through ibantools (ISO 13616: country, length, BBAN format and the mod-97 key), and the
// masked form shown in lists and exports: the account number is personal data.
import { electronicFormatIBAN, isValidIBAN } from "ibantools";

/** The electronic form (no spaces, upper case) of a valid IBAN, or undefined. */
export function validIban(text: string): string | undefined {
  const electronic = electronicFormatIBAN(text);
  return electronic !== null && isValidIBAN(electronic) ? electronic : undefined;
}

/** Country code and last four characters: FR76 •••• 0189. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} •••• ${iban.slice(-4)}`;
}
