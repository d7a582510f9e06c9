// The administrator's page: the service's accounts (deactivated ones on request), a form that creates one
// (each refusal of the API next to its field) and a button that deactivates an account.
import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { UserAccount } from "../../../../src/contracts/users.ts";
import { ROLE_LABELS, ROLES, type Role } from "../../../../src/core/access/index.ts";
import { callApi, issuesByPath } from "../../api.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { roleMessages } from "./messages.fr.ts";
import { problemText } from "./problemText.ts";

const text = roleMessages.accounts;

export function AccountsPage({ session }: { session: Session }) {
  const [items, setItems] = useState<UserAccount[] | null>(null);
  const [failure, setFailure] = useState("");
  const [includeDeactivated, setIncludeDeactivated] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  const load = useCallback(async () => {
    const result = await callApi<{ items: UserAccount[] }>(
      `/api/v1/users?includeDeactivated=${includeDeactivated}`,
    );
    if (result.ok) {
      setItems(result.body.items);
      setFailure("");
    } else setFailure(problemText(result.problem));
  }, [includeDeactivated]);

  useEffect(() => {
    void load();
  }, [load]);

  async function deactivate(account: UserAccount) {
    const result = await callApi(`/api/v1/users/${account.id}/deactivate`, {
      method: "POST",
      csrfToken: session.csrfToken,
    });
    if (!result.ok) {
      setAnnouncement(problemText(result.problem));
      return;
    }
    setAnnouncement(text.deactivatedDone(account.displayName));
    void load();
  }

  // The organisations the accounts already name: the API has no separate list of organisations.
  const organisations = new Map<string, string>();
  for (const account of items ?? []) {
    if (account.organisation !== null) organisations.set(account.organisation.id, account.organisation.name);
  }

  const columns = text.columns;
  return (
    <Stack gap="xl">
      <Title order={1}>{text.title}</Title>
      <div aria-live="polite" data-testid="accounts-announcement">
        {announcement !== "" && <Text fw={600}>{announcement}</Text>}
      </div>
      <Checkbox
        id="comptes-desactives"
        label={text.showDeactivated}
        checked={includeDeactivated}
        onChange={(event) => setIncludeDeactivated(event.currentTarget.checked)}
      />
      {failure !== "" ? (
        <Text role="alert">{failure}</Text>
      ) : items === null ? (
        <Text role="status">{text.loading}</Text>
      ) : (
        <WideTable
          minWidth={900}
          caption={text.caption}
          striped
          data-testid="accounts"
          columns={[
            columns.name,
            columns.email,
            columns.role,
            columns.organisation,
            columns.mfa,
            columns.state,
            columns.action,
          ]}
        >
          <Table.Tbody>
            {items.map((account) => (
              <Table.Tr key={account.id}>
                <Table.Th scope="row">{account.displayName}</Table.Th>
                <Table.Td>{account.email}</Table.Td>
                <Table.Td>{ROLE_LABELS[account.role]}</Table.Td>
                <Table.Td>{account.organisation?.name ?? "—"}</Table.Td>
                <Table.Td>{account.mfaEnabled ? text.yes : text.no}</Table.Td>
                <Table.Td>{account.deactivatedAt === null ? text.active : text.deactivated}</Table.Td>
                <Table.Td>
                  {account.deactivatedAt === null && account.id !== session.user.id && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={text.deactivate(account.displayName)}
                      onClick={() => void deactivate(account)}
                    >
                      {text.deactivateShort}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
      <CreateAccountForm
        organisations={[...organisations].map(([value, label]) => ({ value, label }))}
        session={session}
        onCreated={(name) => {
          setAnnouncement(text.created(name));
          void load();
        }}
      />
      <Anchor href="/espace/parametres">{roleMessages.menu.parameters}</Anchor>
    </Stack>
  );
}

interface Draft {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  password: string;
}

const EMPTY: Draft = { email: "", displayName: "", role: "counsellor", organisationId: "", password: "" };

function CreateAccountForm({
  organisations,
  session,
  onCreated,
}: {
  organisations: { value: string; label: string }[];
  session: Session;
  onCreated: (name: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const field of ["email", "displayName", "password"] as const) {
      if (draft[field].trim() === "") missing[`/${field}`] = roleMessages.required;
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const result = await callApi<UserAccount>("/api/v1/users", {
      method: "POST",
      body: {
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role,
        organisationId: draft.organisationId === "" ? null : draft.organisationId,
        password: draft.password,
      },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.problem);
      setErrors(byPath);
      setFailure(Object.keys(byPath).length > 0 ? "" : problemText(result.problem));
      return;
    }
    setFailure("");
    setDraft(EMPTY);
    onCreated(result.body.displayName);
  }

  const field = (name: keyof Draft) => ({
    id: `compte-${name}`,
    value: draft[name],
    error: errors[`/${name}`],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });

  return (
    <Box component="section" aria-labelledby="creer-compte">
      <Title order={2} id="creer-compte" mb="sm">
        {text.createTitle}
      </Title>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput {...field("email")} type="email" label={text.email} withAsterisk />
          <TextInput {...field("displayName")} label={text.displayName} withAsterisk maxLength={100} />
          <NativeSelect
            {...field("role")}
            label={text.role}
            data={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          />
          <NativeSelect
            {...field("organisationId")}
            label={text.organisation}
            data={[{ value: "", label: text.national }, ...organisations]}
          />
          <PasswordInput
            {...field("password")}
            // Mantine marks only the wrapper: the field itself must say it is invalid.
            aria-invalid={errors["/password"] !== undefined}
            label={text.password}
            description={text.passwordHint}
            withAsterisk
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={busy}>
            {text.create}
          </Button>
        </Group>
        <div aria-live="assertive">
          {Object.keys(errors).length > 0 && (
            <Text c="red.9" size="sm">
              {Object.values(errors).join(" ")}
            </Text>
          )}
          {failure !== "" && <Text c="red.9">{failure}</Text>}
        </div>
      </form>
    </Box>
  );
}
