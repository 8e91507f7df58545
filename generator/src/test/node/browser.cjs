// Drives headless Chromium (Debian's, through playwright-core) over a built site, for
// BrowserRun: loads pages and records console errors, failed requests and axe-core violations,
// takes screenshots, runs the verify page on given badges and filters the skills search page.
// Usage:
//   node browser.cjs CONFIG.json RESULT.json
// The site is served from 127.0.0.1; its pages link to their public baseUrl, which is routed to the
// same local server. Any other request is refused and reported as failed.
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const [configFile, resultFile] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const WIDTHS = { mobile: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };

function routeToLocal(context, site) {
  return context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(site.baseUrl)) {
      const local = site.local + url.slice(site.baseUrl.length);
      // A kept-alive connection the server has just closed fails once: then ask again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await route.fulfill({ response: await route.fetch({ url: local }) });
        } catch (e) {
          if (attempt === 3) {
            console.error("cannot fetch " + local + ": " + e.message.split("\n")[0]);
            return route.abort();
          }
        }
      }
    }
    if (url.startsWith("http://127.0.0.1:") || url.startsWith("file:") || url.startsWith("data:")) {
      return route.continue();
    }
    return route.abort(); // reported by the page as a failed request
  });
}

// One context per site, colour scheme and width, shared by the pages: making one is the slow part.
const contexts = new Map();

async function contextFor(browser, siteName, scheme, width) {
  const key = [siteName, scheme, width].join(" ");
  if (!contexts.has(key)) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: WIDTHS[width] });
    await routeToLocal(context, config.sites[siteName]);
    contexts.set(key, context);
  }
  return contexts.get(key);
}

/** Loads a page and collects what went wrong: console errors, page errors, failed requests. */
async function load(context, url, problems) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console error: " + m.text());
  });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("requestfailed", (r) =>
    problems.push("failed request: " + r.url() + " (" + (r.failure() || {}).errorText + ")"));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push("HTTP " + r.status() + ": " + r.url());
  });
  // Everything is local: by "load" the stylesheet, images and scripts are in.
  await page.goto(url, { waitUntil: "load" });
  return page;
}

async function axe(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

async function pages(browser) {
  const out = [];
  for (const entry of config.pages) {
    const site = config.sites[entry.site];
    const problems = [];
    const violations = {};
    for (const scheme of ["light", "dark"]) {
      // Every page at desktop width; the phone width for the pages photographed.
      for (const width of entry.screenshot ? ["desktop", "mobile"] : ["desktop"]) {
        const context = await contextFor(browser, entry.site, scheme, width);
        const page = await load(context, site.local + entry.path, problems);
        try {
          if (width === "desktop") violations[scheme] = await axe(page);
          if (width === "mobile") {
            // Responsive down to a 360 px phone: nothing may need a sideways scroll.
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 0) problems.push(`wider than a ${WIDTHS.mobile.width} px phone by ${overflow} px`);
          }
          if (entry.screenshot) {
            const file = path.join(config.screenshots, `${entry.type}-${width}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
          }
        } finally {
          await page.close();
        }
      }
    }
    out.push({ site: entry.site, type: entry.type, path: entry.path, problems, violations });
  }
  return out;
}

/** Runs the verify page on one badge: chosen, dropped or pasted. */
async function verifyCase(browser, c) {
  const site = config.sites[c.site];
  const problems = [];
  const context = await contextFor(browser, c.site, "light", "desktop");
  const url = c.pageUrl || site.local + "verify/index.html";
  const page = await load(context, url, problems);
  try {
    if (c.recipient) await page.fill("#recipient", c.recipient);
    if (c.text !== undefined) {
      await page.fill("#badge-text", c.text);
      // By keyboard: from the text to the recipient field, to the Verify button, and press it.
      await page.press("#badge-text", "Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
    } else if (c.drop) {
      const bytes = fs.readFileSync(c.file).toString("base64");
      const transfer = await page.evaluateHandle(
        ([b64, name]) => {
          const raw = atob(b64);
          const data = new Uint8Array(raw.length);
          for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
          const dt = new DataTransfer();
          dt.items.add(new File([data], name));
          return dt;
        },
        [bytes, path.basename(c.file)]
      );
      await page.dispatchEvent("#drop-zone", "drop", { dataTransfer: transfer });
    } else {
      await page.setInputFiles("#badge-file", c.file);
    }
    try {
      await page.waitForSelector("#result:not([hidden]) #steps li", { timeout: 15000 });
    } catch (e) {
      throw new Error("no result shown: " + e.message.split("\n")[0] + "; " + problems.join("; "));
    }
    const steps = await page.$$eval("#steps li", (items) =>
      items.map((li) => ({
        step: li.getAttribute("data-step"),
        status: li.getAttribute("data-status"),
        message: li.querySelector("p").textContent,
      })));
    const verdict = await page.getAttribute("#verdict", "data-outcome");
    // A learner record's credentials, each with its own verdict.
    const credentials = await page.$$eval("#credentials > li", (items) =>
      items.map((li) => ({
        status: li.getAttribute("data-status"),
        name: li.querySelector("strong").textContent,
        failed: [...li.querySelectorAll("li[data-status=fail]")].map((s) => s.getAttribute("data-step")),
      })));
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (c.screenshot) {
      await page.screenshot({ path: path.join(config.screenshots, c.screenshot + ".png"), fullPage: true });
    }
    return { name: c.name, steps, verdict, credentials, focused, problems };
  } finally {
    await page.close();
  }
}

/** The names of the skills the search page shows, and what its status line and filter say. */
async function searchState(page) {
  return page.evaluate(() => ({
    skills: Array.from(document.querySelectorAll("li.skill"))
      .filter((li) => li.checkVisibility())
      .map((li) => li.querySelector("h3").firstChild.textContent),
    frameworks: Array.from(document.querySelectorAll("section[data-framework]"))
      .filter((s) => s.checkVisibility())
      .map((s) => s.getAttribute("data-framework")),
    status: document.getElementById("skill-count").textContent,
    noneShown: document.getElementById("skill-none").checkVisibility(),
    filterShown: document.getElementById("skill-filter").checkVisibility(),
    focused: document.activeElement && document.activeElement.id,
    search: window.location.search,
  }));
}

/**
 * The skills search page: without script (the whole list, no filter), then filtered by keyboard
 * alone (Tab to the query, type, Tab to the framework, arrow keys), and opened from a link that
 * carries a filter; axe runs on the filtered page.
 */
async function skillsSearch(browser, c) {
  const site = config.sites[c.site];
  const url = site.local + c.path;
  const problems = [];
  const result = { name: c.name, problems, steps: [] };
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: WIDTHS.desktop });
  try {
    await routeToLocal(plain, site);
    const page = await load(plain, url, problems);
    result.noScript = await searchState(page);
    await page.close();
  } finally {
    await plain.close();
  }
  const context = await contextFor(browser, c.site, "light", "desktop");
  const page = await load(context, url, problems);
  try {
    const step = async (label) => result.steps.push({ label, ...(await searchState(page)) });
    await step("loaded");
    // From the top of the page, Tab until the query field has the focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement.id === "skill-query")) break;
    }
    await page.keyboard.type(c.query);
    await step("query");
    result.violations = await axe(page);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await step("framework");
    await page.keyboard.press("ArrowDown");
    await step("next framework");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type(c.nothing);
    await step("nothing");
    if (c.screenshot) {
      await page.screenshot({ path: path.join(config.screenshots, c.screenshot + ".png"), fullPage: true });
    }
    await page.goto(url + c.link, { waitUntil: "load" });
    await step("link");
    result.linkedQuery = await page.inputValue("#skill-query");
  } finally {
    await page.close();
  }
  return result;
}

(async () => {
  fs.mkdirSync(config.screenshots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    const result = { pages: await pages(browser), verify: [] };
    for (const c of config.verify) {
      try {
        result.verify.push(await verifyCase(browser, c));
      } catch (e) {
        result.verify.push({ name: c.name, error: String(e && e.message ? e.message : e) });
      }
    }
    result.skillsSearch = [];
    for (const c of config.skillsSearch || []) {
      try {
        result.skillsSearch.push(await skillsSearch(browser, c));
      } catch (e) {
        result.skillsSearch.push({ name: c.name, error: String(e && e.message ? e.message : e) });
      }
    }
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  } finally {
    await browser.close(); // and with it the fresh profile Playwright made for this launch
  }
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
