// The rows of the diagnosis's lists (household members, resources, charges, debts): each row a fieldset
// named by its legend (« Personne 2 »), added by the list's « Ajouter » button and removed by its own.
import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { workspaceMessages } from "../../messages.fr.ts";

const text = workspaceMessages.diagnosis;

export function DraftRow({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <Group align="flex-start" wrap="wrap" gap="sm">
        {children}
      </Group>
    </fieldset>
  );
}

export function AddRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="outline" size="xs" onClick={onClick} data-add-row style={{ alignSelf: "flex-start" }}>
      {label}
    </Button>
  );
}

/** A removed row takes its button (and the focus) with it: the list's « Ajouter » button gets the focus. */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Button
      variant="subtle"
      size="xs"
      onClick={(event) => {
        const block = event.currentTarget.closest("section");
        onRemove();
        requestAnimationFrame(() => block?.querySelector<HTMLElement>("[data-add-row]")?.focus());
      }}
      style={{ alignSelf: "flex-end" }}
    >
      {text.remove(label)}
    </Button>
  );
}
