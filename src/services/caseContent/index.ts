// The use cases of a case's content: its diagnosis, the action plan, the appointments, the closure's outcomes
// and the satisfaction survey.

export type { AppointmentRecord } from "../../db/caseContent/repository.ts";
export {
  type ActionTarget,
  addCaseAction,
  type CaseAction,
  listCaseActions,
  listReferredActions,
  updateCaseAction,
  updateReferredAction,
} from "./actions.ts";
export {
  type CaseAppointments,
  listCaseAppointments,
  type RecordedAppointment,
  recordAppointment,
} from "./appointments.ts";
export { type DiagnosisRead, readCaseDiagnosis, recordDiagnosis } from "./diagnosis.ts";
export {
  answerSurvey,
  type CaseQuality,
  type RecordedOutcomes,
  readQuality,
  readSurvey,
  recordOutcomes,
  type SurveyLink,
  sendSurvey,
} from "./quality.ts";
