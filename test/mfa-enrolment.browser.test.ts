// Second-factor enrolment in a real browser (Debian's chromium driven by playwright-core) against the real
// server in production mode, where an auditor must enrol before anything else: the enrolment screen shows
// the QR code and the key grouped by four, refuses a wrong code in French, then shows the recovery codes
// once with their text download, and goes on to the auditor's page only once they are said to be kept.
// The codes typed are computed here by an RFC 6238 implementation of the test's own (node:crypto), not by
// the server's. On the account security page, the enrolled auditor renews the recovery codes (the old ones
// stop signing in, the new ones do), and a demo counsellor, whom demo mode never asks for a second factor,
// activates one all the same. An axe scan of each step and the screenshots for the README.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { DEFAULT_WEB_ROOT } from "../src/server/app.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { mfaMessages } from "../web/src/workspace/mfa/messages.fr.ts";
import { roleMessages } from "../web/src/workspace/roles/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  demoAccount,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  startBrowserDemo,
} from "./support/browserDemo.ts";
import { type RunningServer, startServer } from "./support/server.ts";

// Outside demo mode, the roles of MFA_REQUIRED_ROLES must enrol: the server runs as in production.
const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};
const AUDITOR = demoAccount("auditor");
const COUNSELLOR = demoAccount("counsellor");

/** RFC 4648 base32, as authenticator apps read the key. */
function base32Bytes(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/[\s=]/g, "").toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/** RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) at `at`, as any authenticator app computes it. */
function authenticatorCode(key: string, at: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", base32Bytes(key)).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

describeInChromium("second-factor enrolment in chromium", () => {
  let demo: BrowserDemo;
  let server: RunningServer;
  // The same accounts served in demo mode, where nobody has to enrol.
  let demoServer: RunningServer;
  let browser: Browser;
  // The auditor's key and recovery codes, as the first test leaves them for the renewal.
  let auditorKey = "";
  let auditorCodes: string[] = [];

  beforeAll(async () => {
    // Demo accounts stand in for real ones; the server itself runs in production mode.
    demo = await startBrowserDemo({
      serverOptions: { env: PRODUCTION_ENV, auth: { loginRateLimitPerMinute: 10_000 } },
    });
    ({ server, browser } = demo);
    demoServer = await startServer(demo.database.db, {
      webRoot: DEFAULT_WEB_ROOT,
      auth: { loginRateLimitPerMinute: 10_000 },
    });
  }, 180_000);

  afterAll(async () => {
    await demoServer?.close();
    await demo?.stop();
  });

  it("an auditor enrols at first sign-in: QR code and grouped key, a wrong code refused, recovery codes downloaded and kept, then the audit page; the next sign-in asks for a code", {
    timeout: 150_000,
  }, async () => {
    const context = await newPerson(browser, { acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/connexion?suite=${encodeURIComponent("/espace/journal")}`);
      await page.locator("#connexion-email").fill(AUDITOR.email);
      await page.locator("#connexion-password").fill(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${server.url}/espace/journal`);

      // The enrolment screen stands in for the page asked for.
      await page.getByRole("heading", { level: 1, name: mfaMessages.title }).waitFor();
      const qr = page.getByRole("img", { name: mfaMessages.qrLabel });
      await qr.waitFor();
      expect(await qr.locator("path").getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
      const shown = (await page.getByTestId("mfa-secret").textContent()) ?? "";
      expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
      const key = shown.replace(/\s/g, "");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "mfa-enrolment.png"), fullPage: true });

      // A wrong code is refused next to the field and announced; the field takes the focus again.
      const code = page.getByLabel(mfaMessages.code);
      await code.fill("12345");
      await code.press("Enter");
      await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByText(mfaMessages.codeFormat).count()).toBeGreaterThan(0);
      const now = Date.now();
      const wrong = authenticatorCode(key, now - 10 * 60_000);
      await code.fill(wrong === authenticatorCode(key, now) ? "000000" : wrong);
      await code.press("Enter");
      await expect.poll(() => page.getByTestId("mfa-message").textContent()).toBe(mfaMessages.invalidCode);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("mfa-code");

      await code.fill(authenticatorCode(key, Date.now()));
      await code.press("Enter");
      const recoveryHeading = page.getByRole("heading", { level: 2, name: mfaMessages.recoveryTitle });
      await recoveryHeading.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(mfaMessages.recoveryTitle);
      const codes = (await page.getByTestId("mfa-recovery-codes").locator("li").allTextContents()).map((c) =>
        c.trim(),
      );
      expect(codes).toHaveLength(10);
      expect(await seriousViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: mfaMessages.download }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(mfaMessages.fileName);
      const saved = readFileSync(await download.path(), "utf8");
      for (const recovery of codes) expect(saved).toContain(recovery);
      auditorKey = key;
      auditorCodes = codes;

      // Going on needs the codes said to be kept.
      const goOn = page.getByRole("button", { name: mfaMessages.continue });
      await goOn.click();
      await page.getByText(mfaMessages.keptRequired).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("mfa-kept");
      await page.keyboard.press("Space");
      await goOn.click();
      await page.getByRole("heading", { level: 1, name: roleMessages.audit.title }).waitFor();
      expect(await page.getByText(mfaMessages.title).count()).toBe(0);

      // The next sign-in asks for the application's code.
      const again = await context.newPage();
      await context.clearCookies();
      await again.goto(`${server.url}/connexion`);
      await again.locator("#connexion-email").fill(AUDITOR.email);
      await again.locator("#connexion-password").fill(DEMO_PASSWORD);
      await again.keyboard.press("Enter");
      await again.locator("#connexion-code").waitFor();
    } finally {
      await context.close();
    }
  });

  it("the enrolled auditor renews the recovery codes from the account menu: a wrong code refused on the field, ten new codes kept; an old code no longer signs in, a new one does", {
    timeout: 150_000,
  }, async () => {
    expect(auditorCodes).toHaveLength(10);
    const context = await newPerson(browser, { acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signInWithRecoveryCode(page, server.url, AUDITOR.email, auditorCodes[0] as string);
      await page.waitForURL(`${server.url}/espace`);
      await page.getByRole("link", { name: mfaMessages.security.menuLink }).click();
      await page.waitForURL(`${server.url}/espace/securite`);
      await page.getByRole("heading", { level: 1, name: mfaMessages.security.title }).waitFor();
      expect(await page.getByTestId("security-state").textContent()).toBe(mfaMessages.security.active);
      expect(await page.getByText(mfaMessages.security.renewIntro).count()).toBe(1);
      expect(
        await page.getByRole("link", { name: mfaMessages.security.menuLink }).getAttribute("aria-current"),
      ).toBe("page");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "account-security.png"), fullPage: true });

      // A code of the wrong form, then a stale one: refused next to the field and announced.
      const code = page.getByLabel(mfaMessages.security.renewCode);
      const renew = page.getByRole("button", { name: mfaMessages.security.renew });
      await code.fill("12a456");
      await renew.click();
      await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByText(mfaMessages.codeFormat).count()).toBeGreaterThan(0);
      const now = Date.now();
      const stale = authenticatorCode(auditorKey, now - 10 * 60_000);
      await code.fill(stale === authenticatorCode(auditorKey, now) ? "000000" : stale);
      await code.press("Enter");
      await expect
        .poll(() => page.getByTestId("security-message").textContent())
        .toBe(mfaMessages.invalidCode);
      expect(await code.getAttribute("aria-invalid")).toBe("true");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("security-code");
      expect(await seriousViolations(page)).toEqual([]);

      // The next step's code: the one enrolment confirmed may still be current, and a code serves once.
      await code.fill(authenticatorCode(auditorKey, Date.now() + 30_000));
      await code.press("Enter");
      await page.getByRole("heading", { level: 2, name: mfaMessages.recoveryTitle }).waitFor();
      expect(await page.getByText(mfaMessages.renewedIntro).count()).toBe(1);
      const fresh = (await page.getByTestId("mfa-recovery-codes").locator("li").allTextContents()).map((c) =>
        c.trim(),
      );
      expect(fresh).toHaveLength(10);
      for (const old of auditorCodes) expect(fresh).not.toContain(old);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: mfaMessages.download }).click(),
      ]);
      const saved = readFileSync(await download.path(), "utf8");
      for (const recovery of fresh) expect(saved).toContain(recovery);
      expect(await seriousViolations(page)).toEqual([]);

      const done = page.getByRole("button", { name: mfaMessages.done });
      await done.click();
      await page.getByText(mfaMessages.keptRequired).waitFor();
      await page.getByLabel(mfaMessages.kept).check();
      await done.click();
      await expect
        .poll(() => page.getByTestId("security-notice").textContent())
        .toBe(mfaMessages.security.renewed);
      expect(await page.getByTestId("mfa-recovery-codes").count()).toBe(0);

      // An old code, never used, no longer signs in; a new one does.
      await context.clearCookies();
      const again = await context.newPage();
      await signInWithRecoveryCode(again, server.url, AUDITOR.email, auditorCodes[1] as string);
      const field = again.locator("#connexion-code");
      await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
      expect(await again.getByText(workspaceMessages.login.invalidCode).count()).toBeGreaterThan(0);
      expect(again.url()).toContain("/connexion");
      await field.fill(fresh[0] as string);
      await field.press("Enter");
      await again.waitForURL(`${server.url}/espace`);
      await again.getByTestId("signed-in-as").waitFor();
    } finally {
      await context.close();
    }
  });

  it("a demo counsellor, never asked for a second factor, activates one from the account security page", {
    timeout: 150_000,
  }, async () => {
    const context = await newPerson(browser, { acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${demoServer.url}/connexion`);
      await page.locator("#connexion-email").fill(COUNSELLOR.email);
      await page.locator("#connexion-password").fill(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${demoServer.url}/espace`);
      await page.getByRole("link", { name: mfaMessages.security.menuLink }).click();
      await page.getByRole("heading", { level: 1, name: mfaMessages.security.title }).waitFor();
      expect(await page.getByTestId("security-state").textContent()).toBe(mfaMessages.security.inactive);
      expect(await page.getByText(mfaMessages.security.renewTitle).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: mfaMessages.security.activate }).click();
      const qr = page.getByRole("img", { name: mfaMessages.qrLabel });
      await qr.waitFor();
      // The button that started it is gone: the first step has the focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("mfa-scan");
      const key = ((await page.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s/g, "");
      expect(await seriousViolations(page)).toEqual([]);

      const code = page.getByLabel(mfaMessages.code);
      await code.fill("000000" === authenticatorCode(key, Date.now()) ? "111111" : "000000");
      await code.press("Enter");
      await expect.poll(() => page.getByTestId("mfa-message").textContent()).toBe(mfaMessages.invalidCode);
      await code.fill(authenticatorCode(key, Date.now()));
      await code.press("Enter");
      await page.getByRole("heading", { level: 2, name: mfaMessages.recoveryTitle }).waitFor();
      expect(await page.getByTestId("mfa-recovery-codes").locator("li").count()).toBe(10);
      await page.getByLabel(mfaMessages.kept).check();
      await page.getByRole("button", { name: mfaMessages.done }).click();

      await expect
        .poll(() => page.getByTestId("security-notice").textContent())
        .toBe(mfaMessages.security.activated);
      expect(await page.getByTestId("security-state").textContent()).toBe(mfaMessages.security.active);
      await page.getByRole("heading", { level: 2, name: mfaMessages.security.renewTitle }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Signs in with the password then, asked for the second factor, with a recovery code. */
async function signInWithRecoveryCode(page: Page, url: string, email: string, recoveryCode: string) {
  await page.goto(`${url}/connexion`);
  await page.locator("#connexion-email").fill(email);
  await page.locator("#connexion-password").fill(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  const field = page.locator("#connexion-code");
  await field.waitFor();
  await page.getByRole("button", { name: workspaceMessages.login.useRecoveryCode }).click();
  await field.fill(recoveryCode);
  await field.press("Enter");
}
