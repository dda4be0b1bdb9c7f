/* Checklist forms (form_html.py): saved forms, import, export, score, guard. No eval or
 * markup parsing (CSP script-src 'self'). The rules (visibility, answered, scoring, guard)
 * are checklist-rules.js's, applied to the page's JSON data block; this file is the page.
 *
 * Several forms per checklist stay in this browser only (localStorage, nothing is sent):
 * "<base>:index" lists them ({fid, name, title, evaluator, status, created, updated}),
 * "<base>:form:<fid>" holds each one's answers, "<base>:current" the one open. The single
 * draft that earlier versions kept under "<base>" becomes the first form. */
'use strict';
{
const html = document.documentElement;
html.classList.add('checklist-js');
const R = globalThis.ChecklistRules;

const parseJSON = (text, fallback) => { try { return JSON.parse(text); } catch (e) { return fallback; } };
const isObject = (x) => !!x && typeof x === 'object' && !Array.isArray(x);
const labelOf = (node) => node.querySelector('legend, label').firstChild.textContent.trim();
// Storage may be missing or refuse writes
const store = (fn) => { try { return fn(localStorage); } catch (e) { return null; } };
const today = () => new Date().toISOString().slice(0, 10);
// File names: ASCII lowercase words joined by hyphens ("Léa Dupont" -> "lea-dupont").
const slug = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
// Whole months between two ISO dates (a form created on 2024-01-15 is 24 months old on 2026-01-15).
const monthsBetween = (from, to) => {
  const [a, b] = [from, to].map((d) => d.split('-').map(Number));
  return (b[0] - a[0]) * 12 + (b[1] - a[1]) - (b[2] < a[2] ? 1 : 0);
};
const el = (tag, attrs, text) => {
  const node = document.createElement(tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (text !== undefined) node.textContent = text;
  return node;
};

class Checklist {
  constructor(root, data) {
    const m = R.compile(data);
    Object.assign(this, {
      root, m, id: m.id, version: m.version, language: m.language || html.lang || 'fr',
      t: data.ui || {}, key: `checklist-forms:${m.id}@${m.version}`, form: root.querySelector('form'),
      naming: data.checklist, fid: null,
      scoring: m.scoring, result: root.querySelector('.checklist-result'), extra: {}, // acknowledged
      // The schema this page offers, made absolute where the page is served: an exported
      // form names it as "$schema", so editors check it as a blank form is checked.
      schemaUrl: data.schema ? new URL(data.schema, document.baseURI).href : null,
    });
    this.items = [...root.querySelectorAll('.checklist-item[data-item]')].filter((node) => m.byId.has(node.dataset.item)).map((node) => {
      const def = m.byId.get(node.dataset.item);
      return {
        node, def, id: def.id, kind: def.kind,
        controls: [...node.querySelectorAll('input, select, textarea')].filter((c) => c.name === def.id),
        box: node.querySelector('.checklist-findings'),
      };
    });
    this.answerable = this.items.filter((i) => i.kind !== 'note');
    this.byId = new Map(this.items.map((i) => [i.id, i]));
    this.required = new globalThis.ChecklistRequired(this); // checklist-required.js
    this.buildToolbar();
    this.carryOver();
    this.fid = store((s) => s.getItem(`${this.key}:current`));
    if (!this.index().some((f) => f.fid === this.fid)) this.fid = null;
    this.restore();
    this.renderForms();
    this.refresh();
    this.screen();
    const on = (type, fn) => this.form.addEventListener(type, fn);
    on('submit', (e) => { e.preventDefault(); this.exportForm(); }); // no server: export
    // Enter in a one-line field would submit (export) the form: it only moves on, as before.
    on('keydown', (e) => { if (e.key === 'Enter' && e.target.matches('input:not([type=submit])')) e.preventDefault(); });
    const submit = this.form.querySelector('.checklist-submit');
    if (submit) submit.hidden = false;
    on('input', () => this.changed(true));
    on('change', ({ target: { dataset: { ack }, checked } }) => {
      if (ack) this.extra.acknowledged = (this.extra.acknowledged || []).filter((a) => a !== ack).concat(checked ? ack : []);
      this.changed();
    });
  }

  // A number as the form's language writes it (87,5 in French), like i18n/numbers.py
  num(x) {
    try { return new Intl.NumberFormat(this.language, { maximumFractionDigits: 3 }).format(x); } catch (e) { return String(x); }
  }

  text(key, values = {}) {
    return (this.t[key] || key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  }

  read({ kind, controls: c }) {
    if (kind === 'checkbox') return c[0].checked;
    if (kind === 'multi_choice') return c.filter((x) => x.checked).map((x) => x.value);
    const on = c.find((x) => x.checked) || c[0];
    if (on.value === '' || on.type === 'radio' && !on.checked) return null;
    return kind === 'rating' || kind === 'number' ? +on.value : on.value;
  }

  // False when the value does not fit: an import says what it drops.
  write({ kind, controls: c }, value) {
    const [input] = c;
    if (value == null) value = R.blankOf(kind);
    if (kind === 'checkbox') return typeof value === 'boolean' && ((input.checked = value), true);
    if (kind === 'multi_choice') {
      const ok = Array.isArray(value) && value.every((v) => c.some((x) => x.value === v));
      if (ok) c.forEach((x) => { x.checked = value.includes(x.value); });
      return ok;
    }
    if (kind === 'single_choice' || kind === 'rating') {
      const select = input.tagName === 'SELECT';
      const match = (select ? [...input.options] : c).find((x) => x.value !== '' && (kind === 'rating' ? +x.value : x.value) === value);
      if (value !== null && !match) return false;
      if (select) input.value = match ? match.value : '';
      else c.forEach((x) => { x.checked = x === match; });
      return true;
    }
    if (value === null) value = '';
    else if (kind === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || kind === 'date' && !R.isDate(this.m, value)
      || input.maxLength > 0 && [...value].length > input.maxLength) return false; // maxlength stops typing, not scripts
    input.value = value;
    return kind !== 'date' || input.value === value; // the browser empties impossible dates
  }

  values() {
    return Object.fromEntries(this.answerable.map((i) => [i.id, this.read(i)]));
  }

  // Disables what does not apply, so Tab and validation skip it. Returns the answers as
  // exported (blank where not applying).
  refresh() {
    const values = this.values();
    const answers = R.exported(this.m, values);
    let done = 0, total = 0;
    for (const item of this.items) {
      const shown = item.shown = R.isVisible(this.m, item.def, values);
      if (item.node.hidden === shown) item.node.hidden = !shown;
      item.controls.forEach((c) => { c.disabled = !shown; });
      if (shown && item.def.required) {
        total += 1;
        done += R.itemAnswered(this.m, item.def, values[item.id]);
      }
    }
    this.complete = done === total;
    this.progress.max = Math.max(total, 1);
    this.progress.value = total ? done : 1;
    this.show(this.progressText, [[this.text('progress', { done, total })]]);
    if (this.scoring) this.showResult(answers);
    this.showRules(values);
    this.required.update(values);
    return answers;
  }

  // A broken rule between two answers (salary range, dates): its message under the field
  showRules(values) {
    const broken = new Map();
    for (const r of R.brokenRules(this.m, values)) broken.set(r.item, [...(broken.get(r.item) || []), r.message]);
    for (const item of this.answerable) {
      const message = (broken.get(item.id) || []).join(' ');
      if (!item.rule && !message) continue;
      if (!item.rule) {
        item.rule = el('p', { class: 'checklist-rule', id: `cl-${this.id}-${item.id}-rule`, role: 'alert' });
        item.node.append(item.rule);
        item.controls.forEach((c) => c.setAttribute('aria-describedby',
          `${c.getAttribute('aria-describedby') || ''} ${item.rule.id}`.trim()));
      }
      if (item.rule.textContent !== message) item.rule.textContent = message;
      item.rule.hidden = !message;
      item.node.classList.toggle('checklist-rule-broken', !!message);
    }
  }

  changed(typing) {
    this.refresh();
    this.save();
    clearTimeout(this.timer); // screening at each key would lag on long texts
    this.timer = setTimeout(() => this.screen(), typing ? 300 : 0);
  }

  // Live regions are read out when they change: replace only changed lines.
  show(box, lines, tag = 'span') {
    lines.forEach(([words, cls = ''], i) => {
      const old = box.children[i];
      const node = el(tag, { class: cls }, words);
      if (!old) box.append(node);
      else if (old.textContent !== words || old.className !== cls) old.replaceWith(node);
    });
    while (box.children[lines.length]) box.lastChild.remove();
  }

  // An answer in words, as the form shows it
  answerText({ kind, controls: c }, value) {
    if (kind === 'checkbox') return this.text('yes');
    const on = kind === 'number' ? [] : [...(c[0].options || c)].filter((x) => x.value !== '' && [].concat(value).map(String).includes(x.value));
    return on.map((x) => x.text || labelOf(x.parentNode)).join(', ') || String(value);
  }

  // score.evaluate (checklist-rules.js), and what counted in words
  evaluate(answers) {
    const result = R.evaluate(this.m, answers);
    const { outcomes = [] } = this.scoring;
    const said = result.reasons.map(({ item: id, value, points, weight }) => {
      const item = this.byId.get(id);
      const gain = points
        ? this.text('colon') + Object.entries(points).map(([o, p]) => `${outcomes.find((x) => x.id === o).label} +${this.num(p)}`).join(', ')
        : ` (\u00d7 ${this.num(weight)})`;
      return `${labelOf(item.node)} \u2192 ${this.answerText(item, value)}${gain}`;
    });
    return [result, said];
  }

  showResult(answers) {
    const [r, said] = this.evaluate(answers);
    const json = JSON.stringify(r);
    if (this.result.dataset.result === json && this.shownDraft === !this.complete) return;
    this.result.dataset.result = json;
    this.shownDraft = !this.complete;
    const { outcomes = [], flags = [] } = this.scoring;
    const t = this.text.bind(this);
    const sep = t('colon');
    const outcome = outcomes.find((o) => o.id === r.outcome);
    const strong = 'checklist-strong';
    // A form missing required answers exports as a draft: its result says so (score.describe)
    const lines = this.complete ? [] : [[t('draft'), 'checklist-draft']];
    lines.push([t('outcome') + sep + (!r.complete ? t('incomplete') : outcome ? outcome.label : t('no_outcome')), strong]);
    if (outcome?.help) lines.push([outcome.help]);
    if (r.to_rate.length) lines.push([t('to_rate') + sep + r.to_rate.map((id) => labelOf(this.byId.get(id).node)).join(', ')]);
    if (r.totals) lines.push([t('points') + sep + outcomes.map((o) => `${o.label} ${this.num(r.totals[o.id])}`).join(', ')]);
    else {
      lines.push([`${t('score')}${sep}${r.score === null ? '\u2014' : `${this.num(r.score)} / 100`} (${t('rated', { rated: r.rated, total: r.scored_items })})`]);
      const limits = outcomes.map((o) => (o.when_must_have_fails ? t('threshold_must_have', { outcome: o.label })
        : o.min != null ? t('threshold', { outcome: o.label, min: this.num(o.min) }) : '')).filter(Boolean);
      if (limits.length) lines.push([t('thresholds') + sep + limits.join(' \u00b7 '), 'checklist-thresholds']);
      for (const id of r.must_have_failed) {
        const { node } = this.byId.get(id);
        lines.push([t('must_have', { label: labelOf(node), level: this.num(this.byId.get(id).def.must_have) }), strong]);
      }
    }
    for (const f of flags) if (r.flags.includes(f.id)) lines.push([`\u26a0 ${f.label}`, strong]);
    if (said.length) lines.push([t('reasons'), strong]);
    this.show(this.result, lines.concat(said.map((s) => [s, 'checklist-reason'])), 'p');
  }

  // Rebuilt only on change, not to disturb focus or screen readers
  screen() {
    const acks = this.extra.acknowledged || [];
    for (const item of this.items) {
      const { box, id } = item;
      if (!box) continue;
      const value = item.shown && this.read(item);
      const found = typeof value === 'string' && R.hasVisibleText(this.m, value) ? R.findings(this.m, value) : [];
      const key = JSON.stringify(found.map(([rule, words]) => [rule.id, words]));
      if (box.dataset.findings !== key) {
        box.dataset.findings = key; // the tests read it too
        box.textContent = '';
        for (const [rule, words] of found) {
          const pid = `${box.id}-${rule.id}`;
          const ack = el('label', {}, ` ${this.text('acknowledge')}`);
          ack.prepend(el('input', { type: 'checkbox', 'data-ack': `${id}:${rule.id}`, 'aria-describedby': pid }));
          box.append(el('p', { id: pid }, this.text('finding', {
            words: words.map((w) => this.text('quote', { w })).join(', '),
            criterion: rule.criterion[this.language] || rule.criterion.en,
            articles: rule.articles.join(', '),
          })), ack);
        }
      }
      for (const c of box.querySelectorAll('input')) c.checked = acks.includes(c.dataset.ack);
    }
  }

  // -- Saved forms ------------------------------------------------------------------------
  index() {
    const list = parseJSON(store((s) => s.getItem(`${this.key}:index`)), []);
    return Array.isArray(list) ? list.filter((f) => isObject(f) && typeof f.fid === 'string') : [];
  }

  setIndex(list) { // an empty list leaves no key behind
    store((s) => (list.length ? s.setItem(`${this.key}:index`, JSON.stringify(list)) : s.removeItem(`${this.key}:index`)));
  }

  formKey(fid) {
    return `${this.key}:form:${fid}`;
  }

  // The one draft of earlier versions becomes the first saved form, never lost.
  carryOver() {
    const old = store((s) => s.getItem(this.key));
    const answers = old !== null && parseJSON(old)?.answers;
    if (!isObject(answers)) return;
    const fid = newId();
    const named = (key) => (typeof answers[this.naming[key]] === 'string' ? answers[this.naming[key]].trim() : '');
    store((s) => s.setItem(this.formKey(fid), old));
    this.setIndex(this.index().concat({
      fid, name: '', title: named('title_item'), evaluator: named('evaluator_item'), status: 'draft', created: today(), updated: today(),
    }));
    store((s) => { s.setItem(`${this.key}:current`, fid); s.removeItem(this.key); });
  }

  answerOf(key) {
    const id = this.naming[key];
    const item = id && this.byId.get(id);
    const value = item ? this.read(item) : null;
    return typeof value === 'string' ? value.trim() : '';
  }

  titleOf(entry) {
    return entry.name || entry.title || this.text('untitled');
  }

  // Hidden items too: shown again, they keep their text. Nothing is stored until the
  // first answer: opening the page leaves no trace.
  save() {
    if (!this.fid) this.fid = newId();
    const list = this.index();
    let entry = list.find((f) => f.fid === this.fid);
    if (!entry) list.push(entry = { fid: this.fid, name: '', created: today() });
    Object.assign(entry, {
      title: this.answerOf('title_item'), evaluator: this.answerOf('evaluator_item'),
      status: this.complete ? 'final' : 'draft', updated: today(),
    });
    store((s) => s.setItem(this.formKey(this.fid), JSON.stringify({ ...this.extra, answers: this.values() })));
    store((s) => s.setItem(`${this.key}:current`, this.fid));
    this.setIndex(list);
    this.renderForms();
  }

  restore() {
    const data = this.fid && parseJSON(store((s) => s.getItem(this.formKey(this.fid))));
    if (!isObject(data?.answers)) return;
    for (const item of this.answerable) if (item.id in data.answers) this.write(item, data.answers[item.id]);
    if (Array.isArray(data.acknowledged)) this.extra.acknowledged = data.acknowledged;
    this.say(this.text('draft_restored'));
  }

  // The Print button prints this form alone: checklist.css hides, for print only, all
  // that is not on the way to it, until the browser says the printing is over.
  printAlone() {
    const path = [];
    for (let n = this.root.parentElement; n && n !== document.body; n = n.parentElement) path.push(n);
    const mark = (on) => {
      path.forEach((n) => n.classList.toggle('checklist-print-path', on));
      this.root.classList.toggle('checklist-print-target', on);
      html.classList.toggle('checklist-print-one', on);
    };
    mark(true);
    addEventListener('afterprint', () => mark(false), { once: true });
    print();
  }

  open(fid) {
    this.clear();
    this.fid = fid;
    store((s) => s.setItem(`${this.key}:current`, fid));
    this.restore();
    this.refresh();
    this.screen();
    this.renderForms();
  }

  newForm() {
    this.clear();
    this.fid = null;
    store((s) => s.removeItem(`${this.key}:current`));
    this.refresh();
    this.screen();
    this.renderForms();
    this.say(this.text('form_new'));
  }

  duplicate(entry) {
    const fid = newId();
    store((s) => s.setItem(this.formKey(fid), s.getItem(this.formKey(entry.fid)) || '{}'));
    const copy = { ...entry, fid, name: this.text('copy_of', { title: this.titleOf(entry) }), created: today(), updated: today() };
    this.setIndex(this.index().concat(copy));
    this.open(fid);
  }

  rename(entry) {
    const name = prompt(this.text('rename_prompt'), this.titleOf(entry));
    if (name === null) return;
    this.setIndex(this.index().map((f) => (f.fid === entry.fid ? { ...f, name: name.trim() } : f)));
    this.renderForms();
  }

  remove(entry, ask = true) {
    if (ask && !confirm(this.text('confirm_delete', { title: this.titleOf(entry) }))) return false;
    store((s) => s.removeItem(this.formKey(entry.fid)));
    this.setIndex(this.index().filter((f) => f.fid !== entry.fid));
    if (entry.fid === this.fid) this.newForm();
    else this.renderForms();
    return true;
  }

  // Everything this site stored in this browser (forms, preferences), for this origin.
  eraseAll() {
    if (!confirm(this.text('confirm_erase'))) return;
    store((s) => s.clear());
    try { sessionStorage.clear(); } catch (e) { /* storage refused: nothing stored */ }
    this.clear();
    this.fid = null;
    this.refresh();
    this.screen();
    this.renderForms();
    this.say(this.text('erased'));
  }

  renderForms() {
    const list = this.index();
    const months = this.naming.retention_months;
    // Rebuilt only on change: a save on blur must not replace the button being clicked.
    const sig = JSON.stringify([list, this.fid]);
    if (sig === this.formsSig) return;
    this.formsSig = sig;
    this.formList.textContent = '';
    list.forEach((entry, n) => {
      const id = `cl-${this.id}-form-${n}`;
      const words = [this.titleOf(entry), entry.evaluator, this.text(`status_${entry.status === 'final' ? 'final' : 'draft'}`), entry.updated]
        .filter(Boolean).join(' \u2014 ');
      const row = el('li', entry.fid === this.fid ? { class: 'checklist-current', 'aria-current': 'true' } : {});
      row.append(el('span', { id }, words));
      if (months && entry.created && monthsBetween(entry.created, today()) >= months) {
        row.append(el('strong', { class: 'checklist-retention' }, ` ${this.text('retention_over', { months })}`));
      }
      const act = { open: () => this.open(entry.fid), duplicate: () => this.duplicate(entry), rename: () => this.rename(entry), delete: () => this.remove(entry) };
      for (const key in act) {
        const button = el('button', { type: 'button', class: `checklist-button checklist-form-${key}`, 'aria-describedby': id }, this.text(`form_${key}`));
        button.onclick = act[key];
        row.append(' ', button);
      }
      this.formList.append(row);
    });
    this.formList.hidden = list.length === 0;
  }

  say(lines, isError) {
    this.status.textContent = this.alert.textContent = '';
    for (const line of [].concat(lines)) (isError ? this.alert : this.status).append(el('p', {}, line));
  }

  buildToolbar() {
    const add = (tag, cls, attrs, text) => el(tag, { class: `checklist-${cls}`, ...attrs }, text);
    const bar = add('div', 'toolbar', { role: 'group', 'aria-label': this.text('actions') });
    const file = el('input', { type: 'file', accept: '.json,application/json', hidden: '', 'aria-label': this.text('import') });
    file.onchange = () => {
      this.say([]); // a repeated message must read as new
      if (file.files[0]) file.files[0].text().then((text) => this.importText(text), () => this.say(this.text('import_not_json'), true));
      file.value = ''; // so that the same file chosen again fires "change"
    };
    const actions = { check: () => this.required.check(), export: () => this.exportForm(), import: () => file.click(), reset: () => this.reset(), print: () => this.printAlone() };
    for (const key in actions) bar.append(Object.assign(add('button', `button checklist-${key}`, { type: 'button' }, this.text(key)), { onclick: actions[key] }));
    bar.append(file);
    const textId = `cl-${this.id}-progress`;
    const progress = add('div', 'progress');
    this.progress = el('progress', { 'aria-labelledby': textId });
    this.progressText = add('span', 'progress-text', { id: textId, 'aria-live': 'polite' });
    progress.append(this.progress, this.progressText);
    this.status = add('div', 'status', { role: 'status' });
    this.alert = add('div', 'alert', { role: 'alert' });
    const forms = add('div', 'forms', { role: 'group', 'aria-label': this.text('forms') });
    forms.append(add('p', 'privacy', {}, this.text('privacy')));
    this.formList = add('ul', 'form-list');
    forms.append(this.formList);
    for (const [key, fn] of [['form_create', () => this.newForm()], ['erase_all', () => this.eraseAll()]]) {
      forms.append(Object.assign(add('button', `button checklist-${key.replace('_', '-')}`, { type: 'button' }, this.text(key)), { onclick: fn }), ' ');
    }
    const sticky = add('div', 'sticky'); // stays in view while the form scrolls
    sticky.append(bar, progress);
    globalThis.ChecklistRequired.keepInView(this.root, sticky);
    this.root.querySelector('.checklist-header').append(forms);
    this.root.querySelector('.checklist-header').after(sticky, this.status, this.alert, this.required.box);
  }

  // A form missing required answers lists them first; "force" exports it as a draft.
  exportForm(force = false) {
    // What the browser rejects (letters in a number) would make a draft invalid
    const bad = this.items.filter((i) => i.shown).flatMap((i) => i.controls)
      .find(({ validity: v }) => v.badInput || v.rangeOverflow || v.rangeUnderflow || v.tooLong || v.typeMismatch);
    if (bad) {
      bad.focus();
      return this.say(bad.validationMessage || this.text('import_bad_value', { id: bad.name }), true);
    }
    if (!force && !this.required.check(true)) return;
    const answers = this.refresh();
    const data = { // keys sorted like the build's files
      ...(this.schemaUrl ? { $schema: this.schemaUrl } : {}),
      ...this.extra,
      answers: Object.fromEntries(this.answerable.map((i) => i.id).sort().map((id) => [id, answers[id]])),
      checklist: this.id,
      language: this.language,
      status: this.complete ? 'final' : 'draft',
      version: this.version,
    };
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
    const link = el('a', { href: url, download: this.fileName(answers) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(this.text(`exported_${data.status}`, { n: R.missing(this.m, this.values()).length }));
  }

  // What the file holds: checklist, title (candidate), evaluator, date (the form's first
  // date answered, else today), e.g. grille-entretien-2.0.0-lea-dupont-sam-2026-04-10.json.
  fileName(answers) {
    const dated = this.answerable.find((i) => i.kind === 'date' && typeof answers[i.id] === 'string');
    const parts = [this.answerOf('title_item'), this.answerOf('evaluator_item'), dated ? answers[dated.id] : today()];
    return [`${this.id}-${this.version}`, ...parts.map(slug).filter(Boolean)].join('-') + '.json';
  }

  importText(text) {
    const data = parseJSON(text.replace(/^\uFEFF/, ''));
    const no = (key, values) => this.say(this.text(key, values), true);
    if (data === undefined) return no('import_not_json');
    if (typeof data?.checklist !== 'string' || !isObject(data.answers)) return no('import_not_form');
    if (data.checklist !== this.id) return no('import_other', { id: data.checklist });
    if (data.version !== this.version) return no('import_version', { version: data.version, current: this.version });
    const notes = [this.text('import_done')];
    this.clear(); // the file replaces the whole form
    for (const [id, value] of Object.entries(data.answers)) {
      const item = this.byId.get(id);
      if (!item || item.kind === 'note') notes.push(this.text('import_unknown', { id }));
      else if (!this.write(item, value)) {
        this.write(item, null);
        notes.push(this.text('import_bad_value', { id }));
      }
    }
    const acks = data.acknowledged;
    if (Array.isArray(acks)) this.extra.acknowledged = [...new Set(acks.filter((a) => typeof a === 'string'))];
    this.changed();
    this.say(notes);
  }

  clear() {
    this.answerable.forEach((item) => this.write(item, null));
    this.extra = {};
  }

  reset() {
    if (!confirm(this.text('confirm_reset'))) return;
    const entry = this.index().find((f) => f.fid === this.fid);
    if (entry) this.remove(entry, false);
    else this.newForm();
    this.say(this.text('reset_done'));
  }
}

// Loaded with defer, after checklist-rules.js: the document is parsed
document.querySelectorAll('section.checklist[data-checklist]').forEach((root) => {
  const block = root.querySelector('script.checklist-data');
  const data = block && parseJSON(block.textContent);
  if (R && isObject(data) && root.querySelector('form') && !root.dataset.checklistReady) {
    root.dataset.checklistReady = 'true';
    new Checklist(root, data);
  }
});
}
