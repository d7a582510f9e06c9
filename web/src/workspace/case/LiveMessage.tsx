// The polite live region each case-page form announces its result in (errors in red, in words too).
import { Text } from "@mantine/core";

export interface Announcement {
  readonly text: string;
  readonly error: boolean;
}

export function LiveMessage({ message, testId }: { message: Announcement | null; testId: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" data-testid={testId}>
      {message !== null && (
        <Text fw={600} c={message.error ? "red.9" : undefined}>
          {message.text}
        </Text>
      )}
    </div>
  );
}
