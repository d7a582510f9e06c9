// A titled part of a long public form (the simulator's steps, the request form's sections): a landmark named
// by its visible heading, so that screen-reader users can jump from one part to the next.
import { Stack, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </section>
  );
}
