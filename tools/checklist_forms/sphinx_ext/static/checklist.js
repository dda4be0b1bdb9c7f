/* Checklists: fill in the browser, keep a draft, import and export the JSON form.
 * The page already holds a native form (checklist_forms/html.py); this only adds
 * behaviour. No framework, no network, no eval, no markup parsing: it runs under
 * "script-src 'self'", and imported text only ever goes through .value/.textContent.
 * Visibility, "answered" and the final status mirror checklist_forms/model.py, which the
 * Python validator applies to the exported files: keep the two in step. */
'use strict';
(() => {
  // Lets the stylesheet hide the "needs JavaScript" notice only when this script runs.
  document.documentElement.classList.add('checklist-js');

  /* -- Rules shared with model.py */

  // model.is_answered. (model.same_value is plain ===: true is not 1, 1 is 1.0.)
  const isAnswered = (v) => {
    if (v === null || v === undefined || v === false) return false;
    if (typeof v === 'string') return v.trim() !== '';
    if (Array.isArray(v)) return v.length > 0;
    return true;
  };

  // model.Condition.holds
  const holds = (cond, value) => {
    if (cond.answered !== undefined) return isAnswered(value) === cond.answered;
    const wanted = cond.any_of !== undefined ? cond.any_of : [cond.equals];
    return [].concat(value).some((g) => wanted.some((w) => g === w));
  };

  const blankOf = (kind) => (kind === 'checkbox' ? false : kind === 'multi_choice' ? [] : null);

  /* -- Small helpers */

  const parseJSON = (text, fallback) => {
    try { return JSON.parse(text); } catch (e) { return fallback; }
  };

  const el = (tag, attrs = {}, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const isObject = (x) => !!x && typeof x === 'object' && !Array.isArray(x);

  // Storage can be missing or refuse writes (private mode, quota, blocked cookies).
  const store = (fn) => { try { return fn(window.localStorage); } catch (e) { return null; } };

  /* -- One checklist on the page */

  class Checklist {
    constructor(root) {
      const d = root.dataset;
      this.root = root;
      this.id = d.checklist;
      this.version = d.version;
      this.language = d.language || document.documentElement.lang || 'fr';
      this.t = parseJSON(d.ui || '{}', {}) || {};
      this.key = `checklist-forms:${this.id}@${this.version}`;
      this.form = root.querySelector('form.checklist-form');
      this.extra = {};  // top-level keys of an imported form worth keeping (acknowledged)
      this.items = [...root.querySelectorAll('.checklist-item[data-item]')].map((node) => ({
        id: node.dataset.item,
        kind: node.dataset.kind,
        node,
        required: node.dataset.required === 'true' && node.dataset.kind !== 'note',
        minSelected: parseInt(node.dataset.minSelected || '1', 10) || 1,
        cond: node.dataset.visibleIf ? parseJSON(node.dataset.visibleIf, null) : null,
        // Controls carry the item id as their name; notes have none.
        controls: [...node.querySelectorAll('input, select, textarea')].filter((c) => c.name === node.dataset.item),
      }));
      this.answerable = this.items.filter((i) => i.kind !== 'note');
      this.byId = new Map(this.items.map((i) => [i.id, i]));
      this.buildToolbar();
      this.restore();
      this.refresh();
      // No server receives this form: Enter in a text field must not reload the page.
      this.form.addEventListener('submit', (e) => e.preventDefault());
      this.form.addEventListener('input', () => this.changed());
      this.form.addEventListener('change', () => this.changed());
    }

    text(key, values = {}) {
      return String(this.t[key] || key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
    }

    /* The value an item has in a form file, read from its controls. */
    read(item) {
      const c = item.controls;
      if (!c.length) return undefined;
      if (item.kind === 'checkbox') return c[0].checked;
      if (item.kind === 'multi_choice') return c.filter((x) => x.checked).map((x) => x.value);
      if (c[0].tagName === 'SELECT') return c[0].value === '' ? null : c[0].value;
      if (item.kind === 'single_choice' || item.kind === 'rating') {
        const on = c.find((x) => x.checked);
        if (!on) return null;
        return item.kind === 'rating' ? Number(on.value) : on.value;
      }
      if (c[0].value === '') return null;
      return item.kind === 'number' ? Number(c[0].value) : c[0].value;  // text, date
    }

    /* Put a form value into the controls. Returns false when the value does not fit the
     * item (wrong type, unknown choice, too long...), so an import can say what it dropped
     * instead of producing a file the validator would refuse. */
    write(item, value) {
      const c = item.controls;
      const kind = item.kind;
      if (value === null || value === undefined) value = blankOf(kind);
      if (kind === 'checkbox') {
        if (typeof value !== 'boolean') return false;
        c[0].checked = value;
        return true;
      }
      if (kind === 'multi_choice') {
        if (!Array.isArray(value) || value.some((v) => !c.some((x) => x.value === v))) return false;
        c.forEach((x) => { x.checked = value.includes(x.value); });
        return true;
      }
      if (kind === 'single_choice' || kind === 'rating') {
        const key = (x) => (kind === 'rating' ? Number(x.value) : x.value);
        if (c[0].tagName === 'SELECT') {
          const option = value === null ? c[0].options[0] : [...c[0].options].find((o) => o.value !== '' && o.value === value);
          if (!option) return false;
          c[0].value = option.value;
          return true;
        }
        if (value === null) { c.forEach((x) => { x.checked = false; }); return true; }
        const match = c.find((x) => key(x) === value);
        if (match) match.checked = true;
        return !!match;
      }
      const input = c[0];
      if (value === null) { input.value = ''; return true; }
      if (kind === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        input.value = String(value);
        return true;
      }
      if (typeof value !== 'string') return false;
      if (kind === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        input.value = value;
        return input.value === value;  // the browser empties impossible dates
      }
      // Text: maxlength stops typing, not scripts, so check it here (in code points, like JSON Schema).
      if (input.maxLength > 0 && [...value].length > input.maxLength) return false;
      input.value = value;  // .value: imported text stays text, never markup
      return true;
    }

    values() {
      return Object.fromEntries(this.items.map((i) => [i.id, this.read(i)]));
    }

    /* model.Checklist.is_visible: the condition holds and its item is itself visible. */
    visible(item, values, seen = new Set()) {
      if (!item.cond) return true;
      if (seen.has(item.id)) return false;  // definitions forbid cycles; be safe anyway
      seen.add(item.id);
      if (!holds(item.cond, values[item.cond.item])) return false;
      const target = this.byId.get(item.cond.item);
      return target ? this.visible(target, values, seen) : true;
    }

    // model.Item.answered: a multiple choice needs at least min_selected choices.
    answered(item, value) {
      if (item.kind === 'multi_choice' && Array.isArray(value)) return value.length >= item.minSelected;
      return isAnswered(value);
    }

    /* Show what applies; disable what does not, so Tab and native validation skip it;
     * count the required answers. */
    refresh() {
      const values = this.values();
      let done = 0;
      let total = 0;
      for (const item of this.items) {
        item.shown = this.visible(item, values);
        if (item.node.hidden === item.shown) item.node.hidden = !item.shown;
        item.controls.forEach((c) => { c.disabled = !item.shown; });
        if (item.shown && item.required) {
          total += 1;
          if (this.answered(item, values[item.id])) done += 1;
        }
      }
      this.complete = done === total;
      this.progress.max = Math.max(total, 1);
      this.progress.value = total ? done : 1;
      const label = this.text('progress', { done, total });
      // Touch the live region only when its words change, or screen readers repeat them.
      if (this.progressText.textContent !== label) this.progressText.textContent = label;
      return values;
    }

    changed() {
      this.refresh();
      this.save();
    }

    /* The filled form in the shape of the blank form: every answerable item, sorted keys
     * (the build's files are sorted too). Items that do not apply go out blank: their
     * answers would mean nothing and must not count in a report. */
    formData() {
      const values = this.refresh();
      const answers = {};
      for (const id of this.answerable.map((i) => i.id).sort()) {
        const item = this.byId.get(id);
        answers[id] = item.shown ? values[id] : blankOf(item.kind);
      }
      const out = { answers, checklist: this.id, language: this.language, status: this.complete ? 'final' : 'draft', version: this.version };
      if (this.extra.acknowledged) out.acknowledged = this.extra.acknowledged;
      return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
    }

    /* -- Draft */

    // Every control's value is kept, hidden ones too: toggling a condition back must not lose text.
    save() {
      const data = { answers: this.values(), acknowledged: this.extra.acknowledged };
      store((s) => s.setItem(this.key, JSON.stringify(data)));
    }

    restore() {
      const data = parseJSON(store((s) => s.getItem(this.key)) || 'null', null);
      if (!isObject(data) || !isObject(data.answers)) return;
      for (const item of this.answerable) {
        if (item.id in data.answers) this.write(item, data.answers[item.id]);
      }
      if (Array.isArray(data.acknowledged)) this.extra.acknowledged = data.acknowledged;
      this.say(this.text('draft_restored'));
    }

    /* -- Messages: success in a polite status region, refusals in an alert */

    say(lines, isError) {
      this.status.textContent = '';
      this.alert.textContent = '';
      const target = isError ? this.alert : this.status;
      for (const line of [].concat(lines)) target.appendChild(el('p', {}, line));
    }

    /* -- Toolbar */

    buildToolbar() {
      const bar = el('div', { class: 'checklist-toolbar', role: 'group', 'aria-label': this.text('actions') });
      const button = (key, action) => {
        const b = el('button', { type: 'button', class: `checklist-button checklist-${key}` }, this.text(key));
        b.addEventListener('click', action);
        bar.appendChild(b);
      };
      // The file input stays out of sight and out of the Tab order: the Import button opens it.
      const file = el('input', { type: 'file', accept: '.json,application/json', class: 'checklist-file', hidden: '', tabindex: '-1', 'aria-hidden': 'true' });
      file.addEventListener('change', () => {
        this.say([]);  // the same message twice in a row must read as new
        if (file.files && file.files[0]) this.importFile(file.files[0]);
        file.value = '';  // choosing the same file again must fire "change" again
      });
      button('export', () => this.exportForm());
      button('import', () => file.click());
      button('reset', () => this.reset());
      button('print', () => window.print());
      bar.appendChild(file);

      const textId = `cl-${this.id}-progress`;
      const progress = el('div', { class: 'checklist-progress' });
      this.progress = el('progress', { 'aria-labelledby': textId });
      this.progressText = el('span', { id: textId, class: 'checklist-progress-text', 'aria-live': 'polite' });
      progress.append(this.progress, this.progressText);
      this.status = el('div', { class: 'checklist-status', role: 'status' });
      this.alert = el('div', { class: 'checklist-alert', role: 'alert' });
      (this.root.querySelector('.checklist-header') || this.root).append(bar, progress, this.status, this.alert);
    }

    /* -- Export, import, reset */

    exportForm() {
      // A value the browser rejects (letters in a number, out of range) would make even a
      // draft invalid: point at it with the browser's own words.
      const bad = this.items.filter((i) => i.shown).flatMap((i) => i.controls).find((c) => {
        const v = c.validity;
        return v.badInput || v.rangeOverflow || v.rangeUnderflow || v.tooLong || v.typeMismatch;
      });
      if (bad) {
        bad.focus();
        this.say(bad.validationMessage || this.text('import_bad_value', { id: bad.name }), true);
        return;
      }
      const data = this.formData();
      const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `${this.id}-${this.version}.json`, hidden: '' });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this.say(this.text(data.status === 'final' ? 'exported_final' : 'exported_draft'));
    }

    importFile(file) {
      file.text().then((text) => this.importText(text), () => this.say(this.text('import_not_json'), true));
    }

    importText(text) {
      const data = parseJSON(text.replace(/^\uFEFF/, ''), undefined);
      if (data === undefined) return this.say(this.text('import_not_json'), true);
      if (!isObject(data) || typeof data.checklist !== 'string' || !isObject(data.answers)) {
        return this.say(this.text('import_not_form'), true);
      }
      if (data.checklist !== this.id) return this.say(this.text('import_other', { id: data.checklist }), true);
      if (data.version !== this.version) {
        return this.say(this.text('import_version', { version: String(data.version), current: this.version }), true);
      }
      const notes = [this.text('import_done')];
      // The file replaces the whole form: items it leaves out become blank.
      this.answerable.forEach((item) => this.write(item, null));
      for (const [id, value] of Object.entries(data.answers)) {
        const item = this.byId.get(id);
        if (!item || item.kind === 'note') {
          notes.push(this.text('import_unknown', { id }));
        } else if (!this.write(item, value)) {
          this.write(item, null);
          notes.push(this.text('import_bad_value', { id }));
        }
      }
      const ack = Array.isArray(data.acknowledged) ? data.acknowledged.filter((a) => typeof a === 'string') : null;
      this.extra = ack ? { acknowledged: ack } : {};
      this.changed();
      return this.say(notes);
    }

    reset() {
      if (!window.confirm(this.text('confirm_reset'))) return;
      this.answerable.forEach((item) => this.write(item, null));
      this.extra = {};
      store((s) => s.removeItem(this.key));
      this.refresh();
      this.say(this.text('reset_done'));
    }
  }

  const start = () => {
    for (const root of document.querySelectorAll('section.checklist[data-checklist]')) {
      if (root.querySelector('form.checklist-form') && !root.dataset.checklistReady) {
        root.dataset.checklistReady = 'true';
        new Checklist(root);  // eslint-disable-line no-new
      }
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
