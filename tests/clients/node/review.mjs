// Opens review.html in Debian's Chromium (headless, no network), checks the pairs it shows,
// rejects one pair with a click and accepts another with the keyboard, saves the verdicts as CSV
// from the page and checks them, and takes a screenshot.
//   node review.mjs OUTPUT_DIR EXPECTED_PAIRS EXPECTED_UNPAIRED SCREENSHOT
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const [out, expectedText, unpairedText, shot] = process.argv.slice(2);
const expected = Number(expectedText);
const fail = (message) => { console.error("review.html: " + message); process.exit(1); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("blob:")) requests.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("file://" + resolve(out, "review.html"));
  const rows = await page.locator("section.pair").count();
  if (rows !== expected) fail(`${rows} pairs shown, expected ${expected}`);
  const unpaired = await page.locator(".unpaired").count();
  if (unpaired !== Number(unpairedText)) fail(`${unpaired} unpaired Turkish paragraphs listed, expected ${unpairedText}`);

  // Reject the second pair with a click; accept the first with the keyboard.
  await page.locator("section.pair").nth(1).getByRole("button", { name: "Reject (r)" }).click();
  await page.locator("section.pair").nth(0).click();
  await page.keyboard.press("a");
  // The low-score filter hides what scores above the chosen bound.
  await page.locator("#lowonly").check();
  await page.locator("#low").fill("0");
  const hidden = await page.locator("section.pair.hidden").count();
  if (hidden !== expected) fail(`filter left ${expected - hidden} pairs visible`);
  await page.locator("#lowonly").uncheck();

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  const csv = readFileSync(await download.path(), "utf8").trim().split(/\r\n/);
  if (csv[0] !== "doc,pair,verdict,score,tr,en") fail("bad CSV header: " + csv[0]);
  if (csv.length !== expected + 1) fail(`${csv.length - 1} CSV rows, expected ${expected}`);
  const verdict = (line) => line.split(",")[2];
  if (verdict(csv[1]) !== "accept" || verdict(csv[2]) !== "reject") fail("verdicts not saved: " + csv.slice(1, 3).join(" | "));
  await page.locator("section.pair").nth(0).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  if (errors.length) fail("page errors: " + errors.join("; "));
  if (requests.length) fail("network requests: " + requests.join(", "));
  console.log(`review.html: Chromium showed ${rows} pairs and ${unpaired} unpaired Turkish paragraphs; ` +
              `reject (click) and accept (key a) saved to CSV; filter works; screenshot ${shot}`);
} finally {
  await browser.close();
}
