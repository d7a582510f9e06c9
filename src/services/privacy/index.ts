// The GDPR use cases: auditors' justified reads, the person's rights of access, rectification and erasure,
// and the retention job.
export { type Erasure, eraseCase } from "./erasure.ts";
export {
  JUSTIFIED_ACCESS_MINUTES,
  type Justification,
  justifyAccess,
  readJustifiedCase,
  readJustifiedTimeline,
} from "./justifiedAccess.ts";
export { exportPersonalData, exportPersonalDataPdf } from "./personalData.ts";
export { rectifyPerson } from "./rectification.ts";
export { type RetentionReport, runRetention } from "./retention.ts";
