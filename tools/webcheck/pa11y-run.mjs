// pa11y over many pages with one shared Chromium and a few pages at a time.
// Usage: node pa11y-run.mjs URL_LIST_FILE REPORT_JSON
// Runs both engines pa11y ships (HTML_CodeSniffer and axe-core), WCAG 2 AA, and writes
// {url: [issues]} with every error; notices and warnings are left out.
import fs from 'node:fs';
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
const report = {};
let next = 0;
async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    const page = await browser.newPage();
    try {
      const result = await pa11y(url, {
        browser, page, standard: 'WCAG2AA', runners: ['htmlcs', 'axe'],
        includeWarnings: false, includeNotices: false, timeout: 60000,
      });
      report[url] = result.issues.filter((issue) => issue.type === 'error');
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
