// What the administrator's pages share: the page itself for a role the permission table allows and a
// refusal for any other (the API refuses them too), the announcement of what was just recorded, and what the page loaded,
// or its failure, or a loading notice meanwhile.
import { Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { adminMessages } from "./messages.fr.ts";

export function AdminPage({
  allowed,
  title,
  children,
}: {
  allowed: boolean;
  title: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="xl">
      <Title order={1}>{title}</Title>
      {allowed ? children : <Text role="alert">{adminMessages.forbidden}</Text>}
    </Stack>
  );
}

export function Announcement({ message, testId }: { message: string; testId: string }) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {message !== "" && <Text fw={600}>{message}</Text>}
    </div>
  );
}

export function Loaded<T>({
  value,
  failure,
  loading,
  children,
}: {
  value: T | null;
  failure: string;
  loading: string;
  children: (value: T) => ReactNode;
}) {
  if (failure !== "") return <Text role="alert">{failure}</Text>;
  if (value === null) return <Text role="status">{loading}</Text>;
  return <>{children(value)}</>;
}
