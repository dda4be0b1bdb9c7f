/* Checklist forms (html.py): draft, import, export, score, guard. No eval or markup
 * parsing (CSP script-src 'self'). Mirrors model.py, score.py and guard.py. */
'use strict';
{
const html = document.documentElement;
html.classList.add('checklist-js');

// str.strip(): trim() drops U+FEFF, keeps U+001C-001F and U+0085
const strip = (s) => s.replace(/^(?:[^\S\ufeff]|[\x1c-\x1f\x85])+|(?:[^\S\ufeff]|[\x1c-\x1f\x85])+$/g, '');
// model.py (same_value is ===: true is not 1)
const isAnswered = (v) => v != null && v !== false && (typeof v === 'string' ? strip(v) !== '' : !Array.isArray(v) || v.length > 0);
const holds = (c, v) => (c.answered !== undefined ? isAnswered(v) === c.answered : [].concat(v).some((g) => (c.any_of || [c.equals]).includes(g)));
const blankOf = (kind) => (kind === 'checkbox' ? false : kind === 'multi_choice' ? [] : null);

// guard.fold per character. NFD shows combining classes: a mark of class 1-239 goes
// before U+0345 (240).
const fold = (c) => [...c.replace(/[\u0152\u0153]/, 'oe').replace(/[\u00c6\u00e6]/, 'ae').normalize('NFD')]
  .filter((m) => m !== '\u0345' && `\u0345${m}`.normalize('NFD')[0] === '\u0345').join('').toLowerCase();
// Python's Unicode \b \d \w
const W = '[\\p{L}\\p{N}_]';
const CLASSES = { b: `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`, d: '\\p{Nd}', w: W };
const regex = (p) => new RegExp(p.replace(/\\(.)/g, (m, c) => CLASSES[c] || m), 'gu');

// guard.screen on one text (where[] maps folded to typed characters)
const findings = (text, guard, fr) => {
  const chars = [...text];
  const where = [];
  let f = '';
  chars.forEach((c, i) => {
    f += fold(c);
    while (where.length < f.length) where.push(i);
  });
  const count = (list) => (f.match(/[a-z]+/g) || []).filter((t) => list.includes(t)).length;
  const en = count(guard.en);
  const s = [...strip(text)];
  return guard.rules.map((rule) => [rule, [...new Set(rule.language_rule
    ? fr && en >= 3 && en > 2 * count(guard.fr) ? [s.slice(0, 40).join('') + (s[40] ? '\u2026' : '')] : []
    : rule.re.flatMap((re) => [...f.matchAll(re)].filter((m) => m[0])
      .map((m) => chars.slice(where[m.index], where[m.index + m[0].length - 1] + 1).join(''))))]])
    .filter(([, words]) => words.length);
};

const parseJSON = (text, fallback) => { try { return JSON.parse(text); } catch (e) { return fallback; } };
const isObject = (x) => !!x && typeof x === 'object' && !Array.isArray(x);
const labelOf = (node) => node.querySelector('legend, label').firstChild.textContent.trim();
// Storage may be missing or refuse writes
const store = (fn) => { try { return fn(localStorage); } catch (e) { return null; } };
const el = (tag, attrs, text) => {
  const node = document.createElement(tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (text !== undefined) node.textContent = text;
  return node;
};

class Checklist {
  constructor(root) {
    const d = root.dataset;
    const rules = parseJSON(d.guardRules, []);
    rules.forEach((r) => { r.re = r.patterns.map(regex); });
    Object.assign(this, {
      root, id: d.checklist, version: d.version, language: d.language || html.lang || 'fr',
      t: parseJSON(d.ui, {}), key: `checklist-forms:${d.checklist}@${d.version}`, form: root.querySelector('form'),
      scoring: parseJSON(d.scoring), result: root.querySelector('.checklist-result'),
      guard: { rules, ...parseJSON(d.guardStopwords) }, extra: {}, // acknowledged
      // The schema this page offers, made absolute where the page is served: an exported
      // form names it as "$schema", so editors check it as a blank form is checked.
      schemaUrl: d.schema ? new URL(d.schema, document.baseURI).href : null,
    });
    this.items = [...root.querySelectorAll('.checklist-item[data-item]')].map((node) => {
      const n = node.dataset;
      return {
        node, id: n.item, kind: n.kind, required: n.required === 'true', minSelected: +n.minSelected || 1, cond: parseJSON(n.visibleIf),
        controls: [...node.querySelectorAll('input, select, textarea')].filter((c) => c.name === n.item),
        box: node.querySelector('.checklist-findings'),
      };
    });
    this.answerable = this.items.filter((i) => i.kind !== 'note');
    this.byId = new Map(this.items.map((i) => [i.id, i]));
    this.buildToolbar();
    this.restore();
    this.refresh();
    this.screen();
    const on = (type, fn) => this.form.addEventListener(type, fn);
    on('submit', (e) => e.preventDefault()); // no server: Enter must not reload the page
    on('input', () => this.changed(true));
    on('change', ({ target: { dataset: { ack }, checked } }) => {
      if (ack) this.extra.acknowledged = (this.extra.acknowledged || []).filter((a) => a !== ack).concat(checked ? ack : []);
      this.changed();
    });
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
    if (value == null) value = blankOf(kind);
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
    else if (kind === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)
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
    const answers = {};
    let done = 0, total = 0;
    for (const item of this.items) {
      const { node, id, kind, cond } = item;
      const v = values[id];
      // Checklist.is_visible: conditions only use earlier items
      const target = cond && this.byId.get(cond.item);
      const shown = item.shown = !cond || holds(cond, values[cond.item]) && (!target || target.shown);
      if (node.hidden === shown) node.hidden = !shown;
      item.controls.forEach((c) => { c.disabled = !shown; });
      answers[id] = shown ? v : blankOf(kind);
      if (shown && item.required) {
        total += 1;
        done += kind === 'multi_choice' ? v.length >= item.minSelected : isAnswered(v);
      }
    }
    this.complete = done === total;
    this.progress.max = Math.max(total, 1);
    this.progress.value = total ? done : 1;
    this.show(this.progressText, [[this.text('progress', { done, total })]]);
    if (this.scoring) this.showResult(answers);
    return answers;
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

  // score.evaluate (same sums, order and rounding), and what counted in words
  evaluate(answers) {
    const { method, outcomes = [], flags = [] } = this.scoring;
    const zero = () => Object.fromEntries(outcomes.map((o) => [o.id, 0]));
    const totals = zero();
    const reasons = [];
    const failed = [];
    const said = [];
    let earned = 0, possible = 0, rated = 0, scored = 0, outcome;
    for (const { id, kind, node, controls, shown } of this.answerable) {
      if (!shown) continue;
      const value = answers[id];
      const d = node.dataset;
      // Chosen choices or ticked box, in declared order
      const on = [...(controls[0].options || controls)].filter((x) => x.checked || x.selected);
      const say = (gain) => said.push(`${labelOf(node)} \u2192 ${
        kind === 'checkbox' ? this.text('yes') : on.map((x) => x.text || labelOf(x.parentNode)).join(', ') || value}${gain}`);
      if (method === 'tally') {
        const gained = zero();
        on.forEach((x) => Object.entries(parseJSON(x.dataset.points, {})).forEach(([o, p]) => { if (o in gained) gained[o] += p; }));
        const points = Object.entries(gained).filter(([, p]) => p).sort(); // "id,n" sorts by id
        if (!points.length) continue;
        points.forEach(([o, p]) => { totals[o] += p; });
        reasons.push({ item: id, value, points: Object.fromEntries(points) });
        say(this.text('colon') + points.map(([o, p]) => `${outcomes.find((x) => x.id === o).label} +${p}`).join(', '));
      } else if (d.max) {
        scored += 1;
        const x = kind === 'single_choice' ? on[0]?.dataset.score : value;
        const score = x == null ? null : +x;
        if (d.mustHave && (score === null || score < d.mustHave)) failed.push(id);
        if (score === null) continue;
        const weight = +(d.weight || 1);
        rated += 1;
        earned += weight * score;
        possible += weight * d.max;
        reasons.push({ item: id, value, weight, max: +d.max });
        say(` (\u00d7 ${weight})`);
      }
    }
    const result = { method, flags: flags.filter((f) => holds(f.when, answers[f.when.item])).map((f) => f.id), reasons };
    if (method === 'tally') {
      for (const { id } of outcomes) if (totals[id] > 0 && (!outcome || totals[id] > totals[outcome])) outcome = id;
      return [{ ...result, totals, outcome: outcome || null }, said];
    }
    const score = possible > 0 ? Math.floor(earned / possible * 100 * 10 + 0.5) / 10 : null;
    outcome = failed.length ? outcomes.find((o) => o.when_must_have_fails) : null;
    if (!outcome && score !== null) outcome = outcomes.find((o) => o.min !== undefined && !o.when_must_have_fails && score >= o.min);
    return [{ ...result, score, rated, scored_items: scored, must_have_failed: failed, outcome: outcome ? outcome.id : null }, said];
  }

  showResult(answers) {
    const [r, said] = this.evaluate(answers);
    const json = JSON.stringify(r);
    if (this.result.dataset.result === json) return;
    this.result.dataset.result = json;
    const { outcomes = [], flags = [] } = this.scoring;
    const t = this.text.bind(this);
    const sep = t('colon');
    const outcome = outcomes.find((o) => o.id === r.outcome);
    const strong = 'checklist-strong';
    const lines = [[t('outcome') + sep + (outcome ? outcome.label : t('no_outcome')), strong]];
    if (outcome?.help) lines.push([outcome.help]);
    if (r.totals) lines.push([t('points') + sep + outcomes.map((o) => `${o.label} ${r.totals[o.id]}`).join(', ')]);
    else {
      lines.push([`${t('score')}${sep}${r.score === null ? '\u2014' : `${r.score} / 100`} (${t('rated', { rated: r.rated, total: r.scored_items })})`]);
      for (const id of r.must_have_failed) {
        const { node } = this.byId.get(id);
        lines.push([t('must_have', { label: labelOf(node), level: +node.dataset.mustHave }), strong]);
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
      const found = value && strip(value) ? findings(value, this.guard, this.language === 'fr') : [];
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

  // Hidden items too: shown again, they keep their text.
  save() {
    store((s) => s.setItem(this.key, JSON.stringify({ ...this.extra, answers: this.values() })));
  }

  restore() {
    const data = parseJSON(store((s) => s.getItem(this.key)));
    if (!isObject(data?.answers)) return;
    for (const item of this.answerable) if (item.id in data.answers) this.write(item, data.answers[item.id]);
    if (Array.isArray(data.acknowledged)) this.extra.acknowledged = data.acknowledged;
    this.say(this.text('draft_restored'));
  }

  say(lines, isError) {
    this.status.textContent = this.alert.textContent = '';
    for (const line of [].concat(lines)) (isError ? this.alert : this.status).append(el('p', {}, line));
  }

  buildToolbar() {
    const add = (tag, cls, attrs, text) => el(tag, { class: `checklist-${cls}`, ...attrs }, text);
    const bar = add('div', 'toolbar', { role: 'group', 'aria-label': this.text('actions') });
    const file = el('input', { type: 'file', accept: '.json,application/json', hidden: '' });
    file.onchange = () => {
      this.say([]); // a repeated message must read as new
      if (file.files[0]) file.files[0].text().then((text) => this.importText(text), () => this.say(this.text('import_not_json'), true));
      file.value = ''; // so that the same file chosen again fires "change"
    };
    const actions = { export: () => this.exportForm(), import: () => file.click(), reset: () => this.reset(), print: () => print() };
    for (const key in actions) bar.append(Object.assign(add('button', `button checklist-${key}`, { type: 'button' }, this.text(key)), { onclick: actions[key] }));
    bar.append(file);
    const textId = `cl-${this.id}-progress`;
    const progress = add('div', 'progress');
    this.progress = el('progress', { 'aria-labelledby': textId });
    this.progressText = add('span', 'progress-text', { id: textId, 'aria-live': 'polite' });
    progress.append(this.progress, this.progressText);
    this.status = add('div', 'status', { role: 'status' });
    this.alert = add('div', 'alert', { role: 'alert' });
    this.root.querySelector('.checklist-header').append(bar, progress, this.status, this.alert);
  }

  exportForm() {
    // What the browser rejects (letters in a number) would make a draft invalid
    const bad = this.items.filter((i) => i.shown).flatMap((i) => i.controls)
      .find(({ validity: v }) => v.badInput || v.rangeOverflow || v.rangeUnderflow || v.tooLong || v.typeMismatch);
    if (bad) {
      bad.focus();
      return this.say(bad.validationMessage || this.text('import_bad_value', { id: bad.name }), true);
    }
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
    const link = el('a', { href: url, download: `${this.id}-${this.version}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(this.text(`exported_${data.status}`));
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
    this.clear();
    store((s) => s.removeItem(this.key));
    this.refresh();
    this.screen();
    this.say(this.text('reset_done'));
  }
}

// Loaded with defer: the document is parsed
document.querySelectorAll('section.checklist[data-checklist]').forEach((root) => {
  if (root.querySelector('form') && !root.dataset.checklistReady) {
    root.dataset.checklistReady = 'true';
    new Checklist(root);
  }
});
}
