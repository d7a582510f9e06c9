// The housing: how the household occupies it, what it costs each month, the landlord, and an eviction or
// seizure procedure under way with its stage (asked only once a procedure is named).
import { Group, NativeSelect, TextInput } from "@mantine/core";
import {
  HOUSING_PROCEDURE_KIND_LABELS,
  HOUSING_PROCEDURE_KINDS,
  HOUSING_PROCEDURE_STAGE_LABELS,
  HOUSING_PROCEDURE_STAGES,
  LANDLORD_TYPE_LABELS,
  LANDLORD_TYPES,
} from "../../../../../src/core/diagnosis/index.ts";
import { OCCUPANCIES, OCCUPANCY_LABELS } from "../../../../../src/core/rules/index.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { type DraftErrors, fieldIds, type HousingDraft } from "./draft.ts";
import { options } from "./options.ts";

const text = workspaceMessages.diagnosis;

export function HousingFields({
  housing,
  errors,
  onChange,
}: {
  housing: HousingDraft;
  errors: DraftErrors;
  onChange: (housing: HousingDraft) => void;
}) {
  const set = (change: Partial<HousingDraft>) => onChange({ ...housing, ...change });
  const id = fieldIds.single;
  return (
    <FormSection title={text.housing} level={3}>
      <Group align="flex-start" wrap="wrap">
        <NativeSelect
          id={id("occupancy")}
          label={text.occupancy}
          required
          value={housing.occupancy}
          error={errors[id("occupancy")]}
          data={options(OCCUPANCIES, OCCUPANCY_LABELS, text.notSaid)}
          onChange={(event) => set({ occupancy: event.currentTarget.value })}
        />
        <TextInput
          id={id("housingCost")}
          label={text.housingCost}
          inputMode="decimal"
          value={housing.housingCost}
          error={errors[id("housingCost")]}
          onChange={(event) => set({ housingCost: event.currentTarget.value })}
        />
        <NativeSelect
          id={id("landlordType")}
          label={text.landlordType}
          value={housing.landlordType}
          data={options(LANDLORD_TYPES, LANDLORD_TYPE_LABELS, text.notSaid)}
          onChange={(event) => set({ landlordType: event.currentTarget.value })}
        />
        <NativeSelect
          id={id("procedureKind")}
          label={text.procedureKind}
          value={housing.procedureKind}
          data={options(HOUSING_PROCEDURE_KINDS, HOUSING_PROCEDURE_KIND_LABELS, text.none)}
          onChange={(event) => set({ procedureKind: event.currentTarget.value })}
        />
        {housing.procedureKind !== "" && (
          <NativeSelect
            id={id("procedureStage")}
            label={text.procedureStage}
            value={housing.procedureStage}
            data={options(HOUSING_PROCEDURE_STAGES, HOUSING_PROCEDURE_STAGE_LABELS, text.notSaid)}
            onChange={(event) => set({ procedureStage: event.currentTarget.value })}
          />
        )}
      </Group>
    </FormSection>
  );
}
