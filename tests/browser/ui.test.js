// Browser tests of the letapis web UI: log in, upload, read highlighted events, review,
// merge two spellings of a person, search Cyrillic, log out; a viewer cannot change
// anything; a hostile report never runs script. Screenshots go to $ARTIFACTS.
"use strict";
const { chromium } = require("playwright-core");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const BIN = process.env.LETAPIS_BIN;
const SRC = process.env.LETAPIS_SOURCE;
const ARTIFACTS = process.env.ARTIFACTS;
const PASSPHRASE = "browser test passphrase";
const USERS = { editor: "editor-password-1", viewer: "viewer-password-1", admin: "admin-password-1" };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letapis-browser-"));
const env = { ...process.env, LETAPIS_PASSPHRASE: PASSPHRASE, LETAPIS_DB: path.join(dir, "s.db") };
const cli = (args, input) => execFileSync(BIN, args, { env, input, encoding: "utf8" });

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("server did not start");
}

let base, server, browser;
const steps = [];
function step(name, fn) { steps.push({ name, fn }); }

async function login(page, name) {
  await page.goto(base + "/login");
  await page.fill("input[name=name]", name);
  await page.fill("input[name=password]", USERS[name]);
  await page.click("button[type=submit]");
  await page.waitForURL(base + "/");
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, name + ".png"), fullPage: true });
}

// Fails the run when any script from a report runs or a dialog opens.
async function guard(page) {
  page.on("dialog", (d) => { throw new Error("a dialog opened: " + d.message()); });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}

step("log in, upload a report and see its events highlighted", async (page) => {
  await login(page, "editor");
  await shot(page, "dashboard");
  await page.goto(base + "/upload");
  await shot(page, "upload");
  await page.setInputFiles("input[type=file]", path.join(__dirname, "fixtures", "browser-upload.txt"));
  await page.click("main form button[type=submit]");
  await page.waitForSelector("text=browser-upload.txt: stored and extracted");
  await page.goto(base + "/reports");
  await shot(page, "reports");
  await page.click("text=browser-upload.txt");
  const marks = page.locator("mark.hl.event");
  assert.ok((await marks.count()) >= 2, "events are highlighted");
  assert.match(await marks.first().getAttribute("title"), /rule /);
  await marks.first().click();
  await page.waitForSelector("#fact-panel:not([hidden])");
  assert.match(await page.textContent("#fact-panel"), /event:/);
  await shot(page, "reader");
});

step("confirm one event and reject one", async (page) => {
  await page.goto(base + "/reports");
  await page.click("text=browser-upload.txt");
  const url = page.url();
  await page.locator(".facts .fact").nth(0).locator("button.confirm").click();
  await page.waitForURL(url);
  await page.locator(".facts .fact").nth(1).locator("button.reject").click();
  await page.waitForURL(url);
  const pills = await page.locator(".facts .fact .pill").allTextContents();
  assert.equal(pills[0], "confirmed");
  assert.equal(pills[1], "rejected");
  assert.ok((await page.locator("mark.hl.event.rejected").count()) >= 1);
  await page.locator(".facts .fact").nth(1).locator("header a").click();
  assert.match(await page.textContent(".history"), /review_reject by editor/);
  await shot(page, "fact");
});

step("review queue works from the keyboard", async (page) => {
  await page.goto(base + "/review");
  const before = Number((await page.textContent("main p.muted")).match(/\d+/)[0]);
  await page.keyboard.press("j");
  await page.keyboard.press("k");  // back to the first card
  await page.keyboard.press("c");
  await page.waitForURL(base + "/review?kind=event");  // the confirm form redirects here
  const after = Number((await page.textContent("main p.muted")).match(/\d+/)[0]);
  assert.equal(after, before - 1);
  await shot(page, "review");
});

step("merge two spellings of a person into one dossier", async (page) => {
  await page.goto(base + "/people/view?name=" + encodeURIComponent("Hanna Lutsevich"));
  const chips = async () => page.locator("ul.chips li").allTextContents();
  assert.ok(!(await chips()).includes("Hanna Kavalchuk"));
  await page.goto(base + "/people");
  await page.click("summary");
  await page.fill("input[name=a]", "Hanna Lutsevich");
  await page.fill("input[name=b]", "Hanna Kavalchuk");
  await page.fill("input[name=why]", "her name before marriage");
  await page.click("button[value=same]");
  await page.waitForURL(/\/people\/view/);
  const names = await chips();
  assert.ok(names.includes("Hanna Lutsevich") && names.includes("Hanna Kavalchuk"), names.join());
  // The judgement is on the dossier with who made it and why.
  assert.match(await page.textContent("ul.judgements"), /the same person · editor · .* · her name before marriage/);
  // Her detention was reported under the other spelling: the one dossier has it now.
  assert.ok((await page.textContent("ol.timeline")).includes("police detained Hanna Kavalchuk"));
  // The search of her flat was rejected in review: the dossier leaves it out.
  assert.ok(!(await page.textContent("ol.timeline")).includes("searched the flat of Hanna Lutsevich"));
  await shot(page, "dossier");
  await page.goto(base + "/people");
  await shot(page, "people");
});

step("search a Cyrillic name", async (page) => {
  await page.goto(base + "/search");
  await page.fill("input[name=q]", "СЫМОНА");
  await page.press("input[name=q]", "Enter");
  await page.waitForSelector("ol.results mark");
  assert.equal(await page.locator("ol.results mark").first().textContent(), "Сымона");
  await shot(page, "search");
});

step("the other pages render", async (page) => {
  for (const [p, name] of [["/events", "events"], ["/stats", "statistics"], ["/export", "export"]]) {
    await page.goto(base + p);
    assert.equal(await page.locator("main h1").count(), 1);
    await shot(page, name);
  }
  await page.goto(base + "/events?type=detention");
  assert.ok((await page.locator("table.data tbody tr").count()) >= 1);
});

step("a hostile report never runs script", async (page) => {
  await page.goto(base + "/reports");
  await page.click("text=Court hears");
  await guard(page);
  for (const p of ["/", "/events", "/review?kind=quote", "/search?q=pwned", "/people", "/stats"]) {
    await page.goto(base + p);
    await guard(page);
  }
  await page.goto(base + "/search?q=pwned");
  assert.ok((await page.locator("ol.results li").count()) >= 1);
});

step("log out", async (page) => {
  await page.click("text=Log out");
  await page.waitForURL(base + "/login");
  await shot(page, "login");
  await page.goto(base + "/events");
  assert.equal(page.url(), base + "/login");
});

step("a viewer cannot reach any mutating action", async (page) => {
  await login(page, "viewer");
  await page.goto(base + "/reports");
  await page.click("text=browser-upload.txt");
  assert.equal(await page.locator("button.confirm, button.reject").count(), 0);
  assert.equal(await page.locator("a[href='/upload'], a[href='/review'], a[href='/users']").count(), 0);
  for (const p of ["/upload", "/review", "/users"]) {
    const res = await page.goto(base + p);
    assert.equal(res.status(), 403, p);
  }
  await page.goto(base + "/");
  const csrf = await page.getAttribute("form[action='/logout'] input[name=csrf]", "value");
  const statuses = await page.evaluate(async (csrf) => {
    const post = async (url, fields) => {
      const body = new URLSearchParams({ csrf, ...fields });
      return (await fetch(url, { method: "POST", body, redirect: "manual" })).status;
    };
    return [
      await post("/facts/event/1/review", { action: "reject" }),
      await post("/people/judge", { a: "x y", b: "y z", verdict: "same" }),
      await post("/users", { name: "intruder", role: "admin", password: "0123456789ab" }),
      await post("/users/role", { name: "editor", role: "disabled" }),
      await post("/upload", {}),
      (await fetch("/api/v1/ingest", { method: "POST", headers: { "X-CSRF-Token": csrf },
                                        body: "{}" })).status,
    ];
  }, csrf);
  assert.deepEqual(statuses, [403, 403, 403, 403, 403, 403]);
});

step("an admin sees the users page", async (page) => {
  await login(page, "admin");
  await page.goto(base + "/users");
  assert.ok((await page.locator("table.data tbody tr").count()) >= 3);
  await shot(page, "users");
});

(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  cli(["init"]);
  cli(["ingest", path.join(SRC, "examples"), path.join(SRC, "tests", "e2e", "web_fixtures")]);
  for (const [name, password] of Object.entries(USERS)) {
    cli(["user", "add", name, "--role", name, "--password-stdin"], password + "\n");
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(BIN, ["serve", "--listen", `127.0.0.1:${port}`], { env, stdio: "ignore" });
  let failed = 0;
  try {
    await waitFor(base + "/login");
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
                                      args: ["--no-sandbox"] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    for (const { name, fn } of steps) {
      try {
        await fn(page);
        console.log("ok   " + name);
      } catch (e) {
        failed++;
        console.log("FAIL " + name + "\n" + (e.stack || e));
        await shot(page, "failure-" + failed).catch(() => {});
      }
    }
  } finally {
    if (browser) await browser.close();
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(failed ? `${failed} step(s) failed` : `all ${steps.length} steps passed`);
  process.exit(failed ? 1 : 0);
})();
