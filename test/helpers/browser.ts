import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";
export const screenshotDir = join(import.meta.dirname, "../../reports/browser");

/** Headless Debian Chromium with a fresh profile, nothing phoning home. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "gradcheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  readonly page: Page;
  /** console errors and uncaught page errors */
  readonly errors: string[];
  /** every request but the page's own file */
  readonly requests: string[];
}

/** Opens a report file and records what it logs and what it tries to fetch. */
export async function openReport(context: BrowserContext, file: string, colorScheme: "light" | "dark" = "light"): Promise<OpenedPage> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  const errors: string[] = [],
    requests: string[] = [];
  const url = `file://${file}`;
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("pageerror", (e) => void errors.push(String(e)));
  page.on("dialog", (d) => void (errors.push(`dialog: ${d.message()}`), d.dismiss()));
  page.on("request", (r) => void (r.url() !== url && requests.push(r.url())));
  await page.goto(url);
  return { page, errors, requests };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
