// How the administrator's forms send what was typed: the problems found before sending shown on their
// fields, then the POST, and the API's refusal shown on the field each message names (by JSON Pointer), or
// under the form; the form ends with its submit button and a live region that says so.
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { callApi, issuesByPath } from "../../api.ts";
import { problemText } from "../roles/problemText.ts";
import type { Session } from "../session.ts";
import { adminMessages } from "./messages.fr.ts";

export interface Submission<Field extends string> {
  errors: Partial<Record<Field, string>>;
  failure: string;
  busy: boolean;
  /** Shows the problems found before sending (none clears the previous ones); true when it may be sent. */
  accept: (problems: Partial<Record<Field, string>>) => boolean;
  /** The API's answer, or undefined once its refusal is shown. */
  post: <T>(path: string, body: unknown) => Promise<T | undefined>;
}

export function useFormSubmission<Field extends string>(
  session: Session,
  fieldOfPath: (path: string) => Field | undefined,
): Submission<Field> {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);

  function accept(problems: Partial<Record<Field, string>>): boolean {
    setErrors(problems);
    setFailure("");
    return Object.keys(problems).length === 0;
  }

  async function post<T>(path: string, body: unknown): Promise<T | undefined> {
    setBusy(true);
    const result = await callApi<T>(path, { method: "POST", body, csrfToken: session.csrfToken });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      return result.body;
    }
    const onFields: Partial<Record<Field, string>> = {};
    const elsewhere: string[] = [];
    for (const [issuePath, message] of Object.entries(issuesByPath(result.problem))) {
      const field = fieldOfPath(issuePath);
      if (field === undefined) elsewhere.push(message);
      else onFields[field] ??= message;
    }
    setErrors(onFields);
    setFailure(
      elsewhere.length > 0
        ? elsewhere.join(" ")
        : Object.keys(onFields).length > 0
          ? ""
          : problemText(result.problem),
    );
    return undefined;
  }

  return { errors, failure, busy, accept, post };
}

export function SubmitWithErrors({
  label,
  submission,
  testId,
}: {
  label: string;
  submission: Pick<Submission<string>, "errors" | "failure" | "busy">;
  testId?: string;
}) {
  return (
    <>
      <Group mt="md">
        <Button type="submit" loading={submission.busy}>
          {label}
        </Button>
      </Group>
      <div aria-live="assertive" data-testid={testId}>
        {Object.keys(submission.errors).length > 0 && (
          <Text c="red.9" size="sm">
            {adminMessages.fixBelow}
          </Text>
        )}
        {submission.failure !== "" && <Text c="red.9">{submission.failure}</Text>}
      </div>
    </>
  );
}
