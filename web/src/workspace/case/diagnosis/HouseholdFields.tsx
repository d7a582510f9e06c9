// The household: the beneficiary first (always there), then each other person, with their relation to the
// beneficiary, their age and whether they are dependent on the household.
import { Checkbox, NativeSelect, TextInput } from "@mantine/core";
import { HOUSEHOLD_RELATION_LABELS, HOUSEHOLD_RELATIONS } from "../../../../../src/core/diagnosis/index.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { type DraftErrors, fieldIds, type MemberDraft, newMember } from "./draft.ts";
import { options } from "./options.ts";
import { AddRowButton, DraftRow, RemoveRowButton } from "./rows.tsx";

const text = workspaceMessages.diagnosis;

export function HouseholdFields({
  members,
  errors,
  onChange,
}: {
  members: MemberDraft[];
  errors: DraftErrors;
  onChange: (members: MemberDraft[]) => void;
}) {
  const set = (index: number, change: Partial<MemberDraft>) =>
    onChange(members.map((member, i) => (i === index ? { ...member, ...change } : member)));
  return (
    <FormSection title={text.household} level={3}>
      {members.map((member, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
        <DraftRow key={`member-${index}`} legend={text.member(index + 1)}>
          <NativeSelect
            id={fieldIds.member(index, "relation")}
            label={text.relation}
            value={member.relation}
            data={options(HOUSEHOLD_RELATIONS, HOUSEHOLD_RELATION_LABELS)}
            onChange={(event) => set(index, { relation: event.currentTarget.value })}
          />
          <TextInput
            id={fieldIds.member(index, "age")}
            label={text.age}
            inputMode="numeric"
            w={100}
            value={member.age}
            error={errors[fieldIds.member(index, "age")]}
            onChange={(event) => set(index, { age: event.currentTarget.value })}
          />
          <Checkbox
            id={fieldIds.member(index, "dependant")}
            label={text.dependant}
            checked={member.dependant}
            onChange={(event) => set(index, { dependant: event.currentTarget.checked })}
            style={{ alignSelf: "center" }}
          />
          {index > 0 && (
            <RemoveRowButton
              label={text.member(index + 1)}
              onRemove={() => onChange(members.filter((_, i) => i !== index))}
            />
          )}
        </DraftRow>
      ))}
      <AddRowButton label={text.addMember} onClick={() => onChange([...members, newMember()])} />
    </FormSection>
  );
}
