// The finance use cases (2025 directive): the aid catalogue, annual envelopes and their allocations, aids
// (loans and grants) through their lifecycle, consumption alerts and accounting exports.
export {
  type AidQuery,
  approveAid,
  closeAid,
  disburseAid,
  listAids,
  proposeAid,
  readAid,
  withdrawAid,
} from "./aids.ts";
export { acknowledgeAlert, listAlerts } from "./alerts.ts";
export { type Catalogue, readCatalogue, recordProduct } from "./catalogue.ts";
export {
  forecastEnvelope,
  openEnvelope,
  readEnvelope,
  readFourEyesThreshold,
  recordFourEyesThreshold,
  replaceAllocations,
} from "./envelopes.ts";
export {
  type Cell,
  EURO_COLUMN,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  type ExportDataset,
  type ExportFormat,
  exportLines,
} from "./exports.ts";
export type { RetryableRequest } from "./idempotency.ts";
export {
  flagArrears,
  readSchedule,
  recordEarlyRepayment,
  recordRepayment,
  writeOffAid,
} from "./repayments.ts";
export type { AidTarget } from "./steps.ts";
