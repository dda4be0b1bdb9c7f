// pa11y over many pages with one shared Chromium and a few pages at a time.
// Usage: node pa11y-run.mjs URL_LIST_FILE REPORT_JSON
// Two engines, WCAG 2 AA, on the same loaded page: HTML_CodeSniffer through pa11y, then
// axe-core itself (its "violations"). Not pa11y's axe runner: pa11y 9.0 turns axe's
// "incomplete" results (needs a human review, e.g. the contrast of a textarea) into
// errors, because it overwrites their type with the impact level. Writes {url: [issues]}
// with every error; notices and warnings are left out.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import pa11y from 'pa11y';
import puppeteer from 'puppeteer';

const [listFile, reportFile] = process.argv.slice(2);
const urls = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const concurrency = Number(process.env.WEBCHECK_CONCURRENCY || 3);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
async function axeViolations(page) {
  await page.addScriptTag({path: AXE});
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, {runOnly: {type: 'tag', values: tags}}).then((r) => r.violations),
    AXE_TAGS);
  return violations.flatMap((v) => v.nodes.map((node) => ({
    runner: 'axe', type: 'error', code: v.id, message: `${v.help} (${v.helpUrl})`,
    selector: node.target.join(' '), context: node.html.slice(0, 200),
  })));
}
const report = {};
let next = 0;
async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    const page = await browser.newPage();
    try {
      const result = await pa11y(url, {
        browser, page, standard: 'WCAG2AA', runners: ['htmlcs'],
        includeWarnings: false, includeNotices: false, timeout: 60000,
      });
      report[url] = result.issues.filter((issue) => issue.type === 'error')
        .concat(await axeViolations(page));
      process.stderr.write(`pa11y ${Object.keys(report).length}/${urls.length} ${url}: ${report[url].length}\n`);
    } catch (error) {
      report[url] = [{runner: 'pa11y', code: 'run-failed', message: String(error), selector: ''}];
    } finally {
      await page.close().catch(() => {});
    }
  }
}
await Promise.all(Array.from({length: concurrency}, worker));
await browser.close();
fs.writeFileSync(reportFile, JSON.stringify(report, null, 1));
