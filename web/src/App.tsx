// The application shell (skip link, header, main, footer) and a small path switch: pages are few
// enough that a router library would only add weight.
import {
  Anchor,
  Box,
  Button,
  Container,
  createTheme,
  Group,
  List,
  MantineProvider,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { linkPageTitles } from "./links/pageTitles.fr.ts";
import { messages } from "./messages.fr.ts";

const theme = createTheme({
  // Shade 8 of blue keeps white text on buttons and blue links on white above the 4.5:1 contrast ratio.
  primaryColor: "blue",
  primaryShade: 8,
});

const PATHS = {
  home: "/",
  simulator: "/simulateur",
  directives: "/directives",
  request: "/demande",
  login: "/connexion",
  workspace: "/espace",
  apiDocs: "/api/docs",
  engagementLink: "/engagement/",
  surveyLink: "/questionnaire/",
} as const;

// Loaded on demand: the rules engine and the directive texts stay out of the home page's script.
const Simulator = lazy(() => import("./simulator/Simulator.tsx"));
const DirectivesPage = lazy(() => import("./directives/DirectivesPage.tsx"));
const RequestPage = lazy(() => import("./request/RequestPage.tsx"));
// The whole staff workspace (sign-in included) is one more chunk: the public pages never load it.
const LoginPage = lazy(() => import("./workspace/LoginPage.tsx"));
const Workspace = lazy(() => import("./workspace/Workspace.tsx"));
const AccountMenu = lazy(() => import("./workspace/AccountMenu.tsx"));
// The person's one-time link pages (engagement acceptance, satisfaction survey).
const EngagementPage = lazy(() => import("./links/EngagementPage.tsx"));
const SurveyPage = lazy(() => import("./links/SurveyPage.tsx"));

type Page =
  | { kind: "home" }
  | { kind: "simulator"; title: string }
  | { kind: "directives"; title: string }
  | { kind: "request"; title: string }
  | { kind: "login"; title: string }
  | { kind: "workspace"; title: string; path: string }
  | { kind: "engagementLink"; title: string; token: string }
  | { kind: "surveyLink"; title: string; token: string }
  | { kind: "notFound" };

function pageAt(path: string): Page {
  const normalised = path.length > 1 ? path.replace(/\/+$/, "") : path;
  switch (normalised) {
    case PATHS.home:
      return { kind: "home" };
    case PATHS.simulator:
      return { kind: "simulator", title: messages.simulator.title };
    case PATHS.directives:
      return { kind: "directives", title: messages.directives.title };
    case PATHS.request:
      return { kind: "request", title: messages.request.title };
    case PATHS.login:
      return { kind: "login", title: messages.login.title };
    default:
      if (normalised === PATHS.workspace || normalised.startsWith(`${PATHS.workspace}/`)) {
        return { kind: "workspace", title: messages.header.professionalArea, path: normalised };
      }
      if (normalised.startsWith(PATHS.engagementLink)) {
        const token = normalised.slice(PATHS.engagementLink.length);
        return { kind: "engagementLink", title: linkPageTitles.engagement.title, token };
      }
      if (normalised.startsWith(PATHS.surveyLink)) {
        const token = normalised.slice(PATHS.surveyLink.length);
        return { kind: "surveyLink", title: linkPageTitles.survey.title, token };
      }
      return { kind: "notFound" };
  }
}

function documentTitle(page: Page): string {
  if (page.kind === "home") return messages.documentTitle.home;
  return messages.documentTitle.page(page.kind === "notFound" ? messages.notFound.title : page.title);
}

export function App({ path }: { path: string }) {
  const page = pageAt(path);
  const title = documentTitle(page);
  // The simulator (form and result side by side) and the comparison (two columns) need more width.
  const width =
    page.kind === "simulator" || page.kind === "directives" || page.kind === "workspace" ? "lg" : "md";
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <a className="skip-link" href="#contenu">
        {messages.skipLink}
      </a>
      <SiteHeader
        current={page.kind}
        size={width}
        account={
          page.kind === "workspace" ? (
            <Suspense fallback={null}>
              <AccountMenu />
            </Suspense>
          ) : null
        }
      />
      {/* Focusable so that the skip link moves keyboard focus, not only the scroll position. */}
      <Box component="main" id="contenu" tabIndex={-1} py="xl">
        <Container size={width}>
          <PageContent page={page} />
        </Container>
      </Box>
      <SiteFooter size={width} />
    </MantineProvider>
  );
}

function PageContent({ page }: { page: Page }) {
  switch (page.kind) {
    case "home":
      return <HomePage />;
    case "simulator":
      return (
        <LazyPage title={page.title} loading={messages.simulator.loading}>
          <Simulator />
        </LazyPage>
      );
    case "directives":
      return (
        <LazyPage title={page.title} loading={messages.directives.loading}>
          <DirectivesPage />
        </LazyPage>
      );
    case "request":
      return (
        <LazyPage title={page.title} loading={messages.request.loading}>
          <RequestPage />
        </LazyPage>
      );
    case "login":
      return (
        <LazyPage title={page.title} loading={messages.login.loading}>
          <LoginPage />
        </LazyPage>
      );
    case "workspace":
      // Its pages name themselves (a case's reference in its h1): no title from the shell.
      return (
        <Suspense fallback={<Text role="status">{messages.login.loading}</Text>}>
          <Workspace path={page.path} />
        </Suspense>
      );
    case "engagementLink":
      return (
        <LazyPage title={page.title} loading={linkPageTitles.engagement.loading}>
          <EngagementPage token={page.token} />
        </LazyPage>
      );
    case "surveyLink":
      return (
        <LazyPage title={page.title} loading={linkPageTitles.survey.loading}>
          <SurveyPage token={page.token} />
        </LazyPage>
      );
    default:
      return <SimplePage title={messages.notFound.title} text={messages.notFound.text} />;
  }
}

/** The page's h1 comes with the shell, so that it shows at once; the rest loads with its chunk. */
function LazyPage({ title, loading, children }: { title: string; loading: string; children: ReactNode }) {
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Suspense fallback={<Text role="status">{loading}</Text>}>{children}</Suspense>
    </Stack>
  );
}

function SiteHeader({ current, size, account }: { current: Page["kind"]; size: string; account: ReactNode }) {
  return (
    <Box component="header" py="md" className="site-header">
      <Container size={size}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Anchor href={PATHS.home} underline="never" c="inherit">
            <Text component="span" fw={700} size="xl" display="block">
              {messages.appName}
            </Text>
            <Text component="span" size="sm" display="block">
              {messages.header.tagline}
            </Text>
          </Anchor>
          <nav aria-label={messages.header.navigationLabel}>
            <Group gap="lg" component="ul" className="plain-list">
              <li>
                <Anchor href={PATHS.simulator} aria-current={current === "simulator" ? "page" : undefined}>
                  {messages.header.simulator}
                </Anchor>
              </li>
              <li>
                <Anchor href={PATHS.directives} aria-current={current === "directives" ? "page" : undefined}>
                  {messages.header.directives}
                </Anchor>
              </li>
              <li>
                <Anchor href={PATHS.request} aria-current={current === "request" ? "page" : undefined}>
                  {messages.header.request}
                </Anchor>
              </li>
              <li>
                <Anchor
                  href={current === "workspace" ? PATHS.workspace : PATHS.login}
                  aria-current={current === "workspace" || current === "login" ? "page" : undefined}
                >
                  {messages.header.professionalArea}
                </Anchor>
              </li>
            </Group>
          </nav>
          {account}
        </Group>
      </Container>
    </Box>
  );
}

function HomePage() {
  const { home } = messages;
  return (
    <Stack gap="xl">
      <Stack gap="md">
        <Title order={1}>{home.title}</Title>
        <Text size="lg">{home.lead}</Text>
        <Group>
          <Button component="a" href={PATHS.simulator} size="md">
            {home.checkEligibility}
          </Button>
          <Button component="a" href={PATHS.request} size="md" variant="outline">
            {home.makeRequest}
          </Button>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" className="plain-list">
        {home.keyFacts.map((fact) => (
          <Paper component="li" key={fact.title} withBorder p="md">
            <Text fw={700}>{fact.title}</Text>
            <Text>{fact.text}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Box component="section" aria-labelledby="service">
        <Title order={2} id="service" mb="sm">
          {home.service.title}
        </Title>
        <List spacing="sm" type="ordered">
          {home.service.steps.map((step) => (
            <List.Item key={step.title}>
              <Text component="span" fw={700}>
                {step.title}
              </Text>{" "}
              : {step.text}
            </List.Item>
          ))}
        </List>
      </Box>

      <Box component="section" aria-labelledby="situations">
        <Title order={2} id="situations" mb="sm">
          {home.situations.title}
        </Title>
        <Text mb="sm">{home.situations.intro}</Text>
        <List spacing="xs">
          {home.situations.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Box>

      <Box component="section" aria-labelledby="audience">
        <Title order={2} id="audience" mb="sm">
          {home.audience.title}
        </Title>
        <Text mb="sm">{home.audience.intro}</Text>
        <List spacing="xs" mb="sm">
          {home.audience.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        <Text mb="md">{home.audience.territory}</Text>
        <Paper withBorder p="md" className="notice">
          <Title order={3} size="h4" mb="xs">
            {home.audience.decisionTitle}
          </Title>
          <Text>{home.audience.decision}</Text>
        </Paper>
      </Box>

      <Box component="section" aria-labelledby="next-step">
        <Title order={2} id="next-step" mb="sm">
          {home.nextStep.title}
        </Title>
        <Text mb="md">{home.nextStep.text}</Text>
        <Group>
          <Button component="a" href={PATHS.simulator} size="md">
            {home.checkEligibility}
          </Button>
          <Button component="a" href={PATHS.request} size="md" variant="outline">
            {home.makeRequest}
          </Button>
        </Group>
      </Box>
    </Stack>
  );
}

function SimplePage({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{text}</Text>
      <Anchor href={PATHS.home}>{messages.backHome}</Anchor>
    </Stack>
  );
}

function SiteFooter({ size }: { size: string }) {
  return (
    <Box component="footer" py="lg" className="site-footer">
      <Container size={size}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm">{messages.footer.about}</Text>
          <nav aria-label={messages.footer.label}>
            <Group gap="md">
              <Anchor href={PATHS.login} size="sm">
                {messages.header.professionalArea}
              </Anchor>
              <Anchor href={PATHS.apiDocs} size="sm">
                {messages.footer.apiDocs}
              </Anchor>
            </Group>
          </nav>
        </Group>
      </Container>
    </Box>
  );
}
