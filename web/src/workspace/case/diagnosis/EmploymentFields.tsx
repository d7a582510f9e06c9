// The employment: the person's professional situation, their contract and their working time.
import { Group, NativeSelect } from "@mantine/core";
import { WORKING_TIME_LABELS, WORKING_TIMES } from "../../../../../src/core/diagnosis/index.ts";
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  CONTRACT_LABELS,
  CONTRACT_TYPES,
} from "../../../../../src/core/rules/index.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { type DraftErrors, type EmploymentDraft, fieldIds } from "./draft.ts";
import { options } from "./options.ts";

const text = workspaceMessages.diagnosis;

export function EmploymentFields({
  employment,
  errors,
  onChange,
}: {
  employment: EmploymentDraft;
  errors: DraftErrors;
  onChange: (employment: EmploymentDraft) => void;
}) {
  const set = (change: Partial<EmploymentDraft>) => onChange({ ...employment, ...change });
  const id = fieldIds.single;
  return (
    <FormSection title={text.employment} level={3}>
      <Group align="flex-start" wrap="wrap">
        <NativeSelect
          id={id("activity")}
          label={text.activity}
          required
          value={employment.activity}
          error={errors[id("activity")]}
          data={options(ACTIVITIES, ACTIVITY_LABELS, text.notSaid)}
          onChange={(event) => set({ activity: event.currentTarget.value })}
        />
        <NativeSelect
          id={id("contractType")}
          label={text.contractType}
          value={employment.contractType}
          data={options(CONTRACT_TYPES, CONTRACT_LABELS, text.notSaid)}
          onChange={(event) => set({ contractType: event.currentTarget.value })}
        />
        <NativeSelect
          id={id("workingTime")}
          label={text.workingTime}
          value={employment.workingTime}
          data={options(WORKING_TIMES, WORKING_TIME_LABELS, text.notSaid)}
          onChange={(event) => set({ workingTime: event.currentTarget.value })}
        />
      </Group>
    </FormSection>
  );
}
