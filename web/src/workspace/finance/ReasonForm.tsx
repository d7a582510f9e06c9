// The reason asked before a step taken against a proposal (withdrawing it on the case page, refusing it on
// the envelope page): one field, a red confirm button and a cancel button. The caller keeps the typed
// reason (it survives a cancel) and says what is wrong with it, from its own check or from the API.
import { Button, Group, TextInput } from "@mantine/core";
import type { FormEvent } from "react";

export function ReasonForm({
  id,
  label,
  value,
  error,
  busy,
  confirmLabel,
  cancelLabel,
  onChange,
  onConfirm,
  onCancel,
}: {
  id: string;
  label: string;
  value: string;
  /** Empty when there is nothing to say. */
  error: string;
  busy: boolean;
  confirmLabel: string;
  cancelLabel: string;
  onChange: (value: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onConfirm();
      }}
      noValidate
    >
      <TextInput
        id={id}
        label={label}
        value={value}
        maxLength={500}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error !== "" ? error : undefined}
        withAsterisk
      />
      <Group gap="xs" mt="xs">
        <Button type="submit" size="xs" color="red.9" loading={busy}>
          {confirmLabel}
        </Button>
        <Button type="button" size="xs" variant="subtle" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </Group>
    </form>
  );
}
