// The finance use cases (2025 directive): the aid catalogue, annual envelopes and their allocations, aids
// (loans and grants) through their lifecycle, consumption alerts and accounting exports.
export {
  type AidQuery,
  type AidTarget,
  approveAid,
  closeAid,
  disburseAid,
  flagArrears,
  listAids,
  proposeAid,
  readAid,
  readSchedule,
  recordEarlyRepayment,
  recordRepayment,
  withdrawAid,
  writeOffAid,
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
