// The sensitive topics (health, violence, free notes): only those who may read them see and change them;
// anyone else is told that they are not shown, and the form never sends them.
import { Text, Textarea } from "@mantine/core";
import { SENSITIVE_LABELS } from "../../../../../src/core/diagnosis/index.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { fieldIds, SENSITIVE_TOPICS, type SensitiveDraft } from "./draft.ts";

const text = workspaceMessages.diagnosis;

export function SensitiveFields({
  sensitive,
  shown,
  onChange,
}: {
  sensitive: SensitiveDraft;
  shown: boolean;
  onChange: (sensitive: SensitiveDraft) => void;
}) {
  return (
    <FormSection title={text.sensitive} level={3}>
      {shown ? (
        <>
          <Text size="sm">{text.sensitiveIntro}</Text>
          {SENSITIVE_TOPICS.map((topic) => (
            <Textarea
              key={topic}
              id={fieldIds.single(topic)}
              label={SENSITIVE_LABELS[topic]}
              autosize
              minRows={2}
              value={sensitive[topic]}
              onChange={(event) => onChange({ ...sensitive, [topic]: event.currentTarget.value })}
            />
          ))}
        </>
      ) : (
        <Text>{text.sensitiveHidden}</Text>
      )}
    </FormSection>
  );
}
