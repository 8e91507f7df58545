// Checks the pages of a site in several languages in headless Chromium (playwright-core), for
// LanguagesBrowserTest: axe-core on each page, the writing direction the browser computes, where
// the main heading's text sits, and that every language switcher link and hreflang alternate
// loads.
// Usage:
//   node languages.cjs CONFIG.json RESULT.json
// CONFIG: {chromium, local, baseUrl, pages: [path...]}; the pages' public baseUrl is routed to the
// local server, and any other request is refused.
const fs = require("fs");
const { chromium } = require("playwright-core");

const [configFile, resultFile] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

function local(url) {
  return url.startsWith(config.baseUrl) ? config.local + url.slice(config.baseUrl.length) : url;
}

(async () => {
  const browser = await chromium.launch({ executablePath: config.chromium });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(config.baseUrl)) {
      return route.fulfill({ response: await route.fetch({ url: local(url) }) });
    }
    if (url.startsWith("http://127.0.0.1:") || url.startsWith("data:")) return route.continue();
    return route.abort();
  });
  const results = [];
  for (const path of config.pages) {
    const problems = [];
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
    page.on("requestfailed", (r) => problems.push("failed request: " + r.url()));
    page.on("response", (r) => { if (r.status() >= 400) problems.push("HTTP " + r.status() + ": " + r.url()); });
    await page.goto(config.local + path, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const axe = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const facts = await page.evaluate(() => {
      const html = document.documentElement;
      const h1 = document.querySelector("main h1");
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      const box = h1.getBoundingClientRect();
      const links = (selector) => [...document.querySelectorAll(selector)].map((a) => a.href);
      return {
        lang: html.getAttribute("lang"),
        dir: html.getAttribute("dir"),
        direction: getComputedStyle(h1).direction,
        heading: h1.textContent,
        // Where the heading's text sits in its box: right-aligned text ends at the box's right.
        textLeft: text.left - box.left,
        textRight: box.right - text.right,
        switcher: [...document.querySelectorAll("nav.language-switcher a")].map((a) => ({
          href: a.href, lang: a.getAttribute("lang"), current: a.getAttribute("aria-current"), text: a.textContent })),
        alternates: [...document.querySelectorAll("link[rel=alternate][hreflang]")].map((l) => ({
          href: l.href, hreflang: l.getAttribute("hreflang") })),
      };
    });
    await page.close();
    // Every switcher link and alternate loads: each is followed as a visitor would.
    const statuses = {};
    for (const href of new Set([...facts.switcher.map((s) => s.href), ...facts.alternates.map((a) => a.href)])) {
      const other = await context.newPage();
      const response = await other.goto(href, { waitUntil: "load" });
      statuses[href] = { status: response ? response.status() : 0, lang: await other.evaluate(() => document.documentElement.lang) };
      await other.close();
    }
    results.push({
      path, problems, facts, statuses,
      violations: axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
    });
  }
  await browser.close();
  fs.writeFileSync(resultFile, JSON.stringify({ results }, null, 2));
})().catch((e) => { console.error(e); process.exit(1); });
