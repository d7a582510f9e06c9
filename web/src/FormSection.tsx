// A titled part of a long form (the simulator's steps, the request form's sections, the topics of a case's
// diagnosis): a landmark named by its visible heading, so that screen-reader users can jump from one part to
// the next. A form that sits in a panel of its page (the diagnosis, under the panel's own heading) names its
// parts one level down.
import { Stack, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";

export function FormSection({
  title,
  level = 2,
  children,
}: {
  title: string;
  level?: 2 | 3;
  children: ReactNode;
}) {
  const id = useId();
  const nested = level === 3;
  return (
    <section aria-labelledby={id}>
      <Title order={level} size={nested ? "h4" : "h3"} id={id} mb={nested ? "xs" : "sm"}>
        {title}
      </Title>
      <Stack gap={nested ? "xs" : "md"}>{children}</Stack>
    </section>
  );
}
