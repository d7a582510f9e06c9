// The « Aides financières » panel of the case page: the case's loans and grants (status, amount, product,
// decisions), the form with which the counsellor in charge or the manager proposes one, withdrawing one's
// own proposal while it waits for a decision, and the schedule of a loan being repaid. A case under the
// 2021 directive gets the reason why no aid of the envelope applies (a service only, PP_EX_CPA_2_DIR/mode).
import { Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import type { CaseDetail } from "../../../../src/contracts/cases.ts";
import { AID_MESSAGES, AID_STATUS_LABELS } from "../../../../src/core/finance/messages.fr.ts";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { DIRECTIVES } from "../../../../src/core/rules/index.ts";
import { callApi } from "../../api.ts";
import { frenchMoment } from "../../frenchDates.ts";
import { caseResource, mayOn } from "../access.ts";
import { type Announcement, LiveMessage } from "../case/LiveMessage.tsx";
import { problemText } from "../case/problemText.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { AidProposalForm } from "./AidProposalForm.tsx";
import { LoanSchedule } from "./LoanSchedule.tsx";
import { aidMessages as text } from "./messages.fr.ts";
import { ReasonForm } from "./ReasonForm.tsx";
import { frenchRate } from "./rate.ts";

export interface AidView {
  id: string;
  organisationId: string;
  kind: string;
  productName: string;
  rateBp: number;
  durationMonths: number | null;
  deferralMonths: number;
  amountCents: number;
  status: keyof typeof AID_STATUS_LABELS;
  requestedAt: string;
  proposedByUserId: string;
  proposedBy: { id: string; displayName: string };
  firstApprovedByUserId: string | null;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  decisionReason: string | null;
  message: string | null;
}

/** The steps at which an aid may be proposed (the API's rule: admitted or further, not closed). */
const PROPOSAL_OPEN = ["admitted", "diagnosis", "action_plan", "engagement", "follow_up"];
const WITHDRAWABLE = ["proposed", "queued"];
const WITH_SCHEDULE = ["disbursed", "repaying", "in_arrears"];

export function AidsPanel({ detail, session }: { detail: CaseDetail; session: Session }) {
  const [aids, setAids] = useState<AidView[] | "loading" | "unavailable">("loading");
  const [message, setMessage] = useState<Announcement | null>(null);
  const directive = DIRECTIVES.find((candidate) => candidate.reference === detail.directive);
  const serviceOnly = directive !== undefined && !directive.withinAnnualEnvelope;
  const mayPropose = mayOn(session, "aids.propose", caseResource(detail));

  const load = useCallback(async () => {
    const result = await callApi<{ aids: AidView[] }>(
      `/api/v1/finance/aids?caseId=${encodeURIComponent(detail.id)}`,
    );
    setAids(result.ok ? result.body.aids : "unavailable");
  }, [detail.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = (announcement: Announcement) => {
    setMessage(announcement);
    void load();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="aides-financieres" data-testid="aids-panel">
      <Title order={2} size="h3" id="aides-financieres" mb="sm">
        {text.title}
      </Title>
      <Stack gap="md">
        <LiveMessage message={message} testId="aids-announcement" />
        {aids === "loading" && <Text role="status">{text.loading}</Text>}
        {aids === "unavailable" && <Text>{text.unavailable}</Text>}
        {Array.isArray(aids) &&
          (aids.length === 0 ? (
            <Text>{text.none}</Text>
          ) : (
            <AidsTable aids={aids} session={session} onChanged={changed} />
          ))}
        {Array.isArray(aids) &&
          aids
            .filter((aid) => aid.kind === "loan" && WITH_SCHEDULE.includes(aid.status))
            .map((aid) => <LoanSchedule key={aid.id} aid={aid} />)}
        {serviceOnly && directive !== undefined ? (
          <Paper withBorder p="sm" className="notice" data-testid="service-only">
            <Title order={3} size="h4" mb="xs">
              {text.serviceOnlyTitle}
            </Title>
            <Text>{AID_MESSAGES.serviceOnly(directive.reference, directive.mode)}</Text>
          </Paper>
        ) : (
          mayPropose &&
          (PROPOSAL_OPEN.includes(detail.status) ? (
            <AidProposalForm detail={detail} session={session} onProposed={changed} />
          ) : (
            <Text>{text.notAdmitted}</Text>
          ))
        )}
      </Stack>
    </Paper>
  );
}

function AidsTable({
  aids,
  session,
  onChanged,
}: {
  aids: AidView[];
  session: Session;
  onChanged: (announcement: Announcement) => void;
}) {
  const columns = text.columns;
  return (
    <WideTable
      minWidth={800}
      caption={text.caption}
      striped
      data-testid="aids-table"
      columns={[
        columns.product,
        columns.amount,
        columns.status,
        columns.proposed,
        columns.decision,
        columns.action,
      ]}
    >
      <Table.Tbody>
        {aids.map((aid) => (
          <AidRow key={aid.id} aid={aid} session={session} onChanged={onChanged} />
        ))}
      </Table.Tbody>
    </WideTable>
  );
}

function AidRow({
  aid,
  session,
  onChanged,
}: {
  aid: AidView;
  session: Session;
  onChanged: (announcement: Announcement) => void;
}) {
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const amount = formatCents(aid.amountCents);
  const own = aid.proposedByUserId === session.user.id;
  // The server's rule: the proposer, or a manager of the case's agency.
  const mayWithdraw =
    WITHDRAWABLE.includes(aid.status) &&
    mayOn(session, "aids.propose", { organisationId: aid.organisationId, ownerUserId: aid.proposedByUserId });

  async function withdraw() {
    if (reason.trim() === "") {
      setError(text.required);
      return;
    }
    setBusy(true);
    const result = await callApi<AidView>(`/api/v1/finance/aids/${aid.id}/withdraw`, {
      method: "POST",
      body: { reason: reason.trim() },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      setError(problemText(result.problem));
      return;
    }
    setError("");
    setWithdrawing(false);
    onChanged({ text: text.withdrawn(aid.productName, amount), error: false });
  }

  return (
    <Table.Tr>
      <Table.Th scope="row">
        {text.kinds[aid.kind] ?? aid.kind} — {aid.productName}
        {aid.kind === "loan" && (
          <Text size="sm" component="span" display="block" fw={400}>
            {text.loanTerms(aid.durationMonths, frenchRate(aid.rateBp), aid.deferralMonths)}
          </Text>
        )}
      </Table.Th>
      <Table.Td>{amount}</Table.Td>
      <Table.Td data-testid="aid-status">
        {AID_STATUS_LABELS[aid.status]}
        {aid.message !== null && (
          <Text size="sm" component="span" display="block">
            {aid.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {text.proposedOn(
          frenchMoment(aid.requestedAt),
          own ? text.byYou : text.byName(aid.proposedBy.displayName),
        )}
      </Table.Td>
      <Table.Td>
        {aid.decidedAt === null ? (
          aid.firstApprovedByUserId !== null ? (
            text.firstApproval
          ) : (
            text.noDecision
          )
        ) : (
          <>
            {text.decided(frenchMoment(aid.decidedAt))}
            {aid.decidedBy !== null && ` ${text.byName(aid.decidedBy.displayName)}`}
            {aid.decisionReason !== null && (
              <Text size="sm" component="span" display="block">
                {text.reason(aid.decisionReason)}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>
        {mayWithdraw &&
          (withdrawing ? (
            <ReasonForm
              id={`retrait-${aid.id}`}
              label={text.withdrawReason}
              value={reason}
              error={error}
              busy={busy}
              confirmLabel={text.confirmWithdraw}
              cancelLabel={text.cancel}
              onChange={setReason}
              onConfirm={() => void withdraw()}
              onCancel={() => setWithdrawing(false)}
            />
          ) : (
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              aria-label={text.withdrawLabel(aid.productName, amount)}
              onClick={() => setWithdrawing(true)}
            >
              {text.withdraw}
            </Button>
          ))}
        <span aria-live="assertive" className="visually-hidden">
          {error}
        </span>
      </Table.Td>
    </Table.Tr>
  );
}
