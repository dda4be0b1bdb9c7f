// The conformance corpus (cases/*.json) against checklist-rules.js, without a browser:
// node --test tests/conformance/   (tests/test_conformance.py runs the same cases in Python)
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE = path.join(ROOT, 'tools', 'checklist_forms');
const R = require(path.join(PACKAGE, 'sphinx_ext', 'static', 'checklist-rules.js'));
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// What form_html.page_data puts in the page, from the same package data files
const answerRules = read(path.join(PACKAGE, 'data', 'answer-rules.json'));
delete answerRules.about;
const guardData = read(path.join(PACKAGE, 'data', 'guard-rules.json'));
const pageData = (checklist) => ({
  answer_rules: answerRules,
  checklist,
  ...((checklist.guards || []).includes('non-discrimination')
    ? { guard: { rules: guardData.rules, stopwords: { en: guardData.stopwords.en, fr: guardData.stopwords.fr } } }
    : {}),
});

const dir = path.join(__dirname, 'cases');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

test('the corpus is there', () => assert.ok(files.length >= 6));

for (const file of files) {
  const kase = read(path.join(dir, file));
  const m = R.compile(pageData(kase.checklist));
  for (const run of kase.runs) {
    test(`${file}: ${run.name}`, () => {
      const { answers } = run;
      const { valid_final: _, ...expect } = run.expect;
      const got = {
        visible: m.items.filter((i) => R.isVisible(m, i, answers)).map((i) => i.id),
        answered: m.answerable.filter((i) => R.itemAnswered(m, i, answers[i.id] ?? null)).map((i) => i.id),
        missing: R.missing(m, answers),
        findings: R.screen(m, answers),
      };
      const result = R.evaluate(m, answers);
      if (result) got.score = Object.fromEntries(Object.keys(expect.score || {}).map((k) => [k, result[k]]));
      assert.deepStrictEqual(got, { findings: [], ...expect });
    });
  }
  for (const [text, want] of Object.entries(kase.has_visible_text || {})) {
    test(`${file}: visible text ${JSON.stringify(text)}`, () => assert.equal(R.hasVisibleText(m, text), want));
  }
  for (const [text, want] of Object.entries(kase.is_date || {})) {
    test(`${file}: date ${JSON.stringify(text)}`, () => assert.equal(R.isDate(m, text), want));
  }
}
