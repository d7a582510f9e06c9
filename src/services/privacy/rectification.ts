// Rectification of the person's identity and contact (GDPR art. 16): only the fields sent change, stored
// as at creation (normalised, so that duplicates are still recognised), and a way to reach the person stays.
// A change of the case like any other (If-Match, timeline, audit), which records the names of the fields
// changed, never their values. Refused once the case's personal data are erased.
import type { PersonRectification } from "../../contracts/privacy.ts";
import { territoryOfPostcode } from "../../core/rules/index.ts";
import { normaliseEmail, normalisePhone, tidyName } from "../../db/cases/identity.ts";
import type { CaseRow } from "../../db/cases/repository.ts";
import type { Drizzle } from "../../db/database.ts";
import { isAnonymised } from "../../db/privacy/anonymisation.ts";
import { type PersonColumns, updatePerson } from "../../db/privacy/person.ts";
import type { Caller } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import { caseMessages } from "../cases/messages.fr.ts";
import type { StepTarget } from "../cases/steps.ts";
import { type CaseView, freshCaseView } from "../cases/view.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import { checkVersion } from "../versions.ts";
import { privacyMessages } from "./messages.fr.ts";

/** Input field → column, for the fields a rectification may change. */
const COLUMNS: Record<keyof PersonRectification, keyof PersonColumns> = {
  firstName: "personFirstName",
  lastName: "personLastName",
  birthDate: "personBirthDate",
  email: "personEmail",
  phone: "personPhone",
  postcode: "personPostcode",
  preferredChannel: "preferredChannel",
  preferredTimes: "preferredTimes",
};

/** The input's values as stored. */
function storedValues(input: PersonRectification): Partial<PersonColumns> {
  const values: Partial<PersonColumns> = {};
  if (input.firstName !== undefined) values.personFirstName = tidyName(input.firstName);
  if (input.lastName !== undefined) values.personLastName = tidyName(input.lastName);
  if (input.birthDate !== undefined) values.personBirthDate = input.birthDate;
  if (input.email !== undefined) values.personEmail = normaliseEmail(input.email ?? undefined);
  if (input.phone !== undefined) values.personPhone = normalisePhone(input.phone ?? undefined);
  if (input.postcode !== undefined) values.personPostcode = input.postcode;
  if (input.preferredChannel !== undefined) values.preferredChannel = input.preferredChannel;
  if (input.preferredTimes !== undefined) values.preferredTimes = input.preferredTimes?.trim() ?? null;
  return values;
}

function rectificationIssues(row: CaseRow, values: Partial<PersonColumns>): FieldIssue[] {
  const after = { ...row, ...values };
  const issues: FieldIssue[] = [];
  if (after.personEmail === null && after.personPhone === null) {
    issues.push({
      path: "email" in values ? "/email" : "/phone",
      code: "CONTACT_REQUIRED",
      message: privacyMessages.contactRequired,
    });
  }
  if (values.personPostcode != null && territoryOfPostcode(values.personPostcode) === undefined) {
    issues.push({ path: "/postcode", code: "UNKNOWN_POSTCODE", message: privacyMessages.unknownPostcode });
  }
  return issues;
}

/** 409 once the case's personal data are erased (by request or by the retention job). */
async function refuseWhenErased(db: Drizzle, caseId: string): Promise<void> {
  if (await isAnonymised(db, caseId)) {
    const { title, detail } = privacyMessages.alreadyErased;
    throw new DomainError("conflict", "personal_data_erased", title, detail);
  }
}

export async function rectifyPerson(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: PersonRectification,
): Promise<CaseView> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  checkVersion(target.expected, record.row.version, caseMessages.stale);
  const values = storedValues(input);
  // First: an erased case has no contact left, and saying so beats asking for one.
  await refuseWhenErased(context.db.drizzle, record.row.id);
  const issues = rectificationIssues(record.row, values);
  if (issues.length > 0) throw DomainError.invalid(issues);
  await changeCase(context, caller, target, async (current, tx) => {
    await refuseWhenErased(tx, current.id);
    // Which fields changed, in the input's names: the values stay in the case row only.
    const fields = (Object.keys(COLUMNS) as (keyof PersonRectification)[]).filter(
      (field) => COLUMNS[field] in values && current[COLUMNS[field]] !== values[COLUMNS[field]],
    );
    if (fields.length > 0) await updatePerson(tx, current.id, values);
    return {
      events: [{ type: "person_rectified", data: { fields } }],
      audit: { action: "case.person_rectified", details: { fields } },
    };
  });
  return freshCaseView(context, record.row.id);
}
