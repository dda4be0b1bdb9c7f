/* Checklists of the Manuel du Community Manager: fill in the browser, keep a draft,
 * import and export the JSON form.
 *
 * The page already holds a complete native form (rendered by checklist_forms.html): this
 * script only adds behaviour. It uses no framework and no network, never evaluates code
 * and never parses markup, so it works under "Content-Security-Policy: script-src 'self'"
 * and cannot be turned into an injection vector by an imported file: every text goes
 * through .value or .textContent.
 *
 * The rules (visibility, "answered", final status) mirror checklist_forms/model.py, which
 * the Python validator applies to the same exported files; keep the two in step.
 */
'use strict';
(function () {
  // Lets the stylesheet hide the "needs JavaScript" notice only when this script runs.
  document.documentElement.classList.add('checklist-js');

  /* -- The shared rules (model.py: same_value, is_answered, Item.answered) ---------- */

  // JSON equality: true is not 1, 1 is 1.0 (which JavaScript numbers give for free).
  function sameValue(a, b) {
    if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
    if (a === null || b === null) return a === b;
    return a === b;
  }

  function isAnswered(v) {
    if (v === null || v === undefined || v === false) return false;
    if (typeof v === 'string') return v.trim() !== '';
    if (Array.isArray(v)) return v.length > 0;
    return true;
  }

  function holds(cond, value) {
    if (cond.answered !== undefined) return isAnswered(value) === cond.answered;
    var wanted = cond.any_of !== undefined ? cond.any_of : [cond.equals];
    var given = Array.isArray(value) ? value : [value];
    return given.some(function (g) {
      return wanted.some(function (w) { return sameValue(g, w); });
    });
  }

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function parseJSON(text, fallback) {
    try { return JSON.parse(text); } catch (e) { return fallback; }
  }

  /* -- One checklist ------------------------------------------------------------------ */

  function Checklist(root) {
    this.root = root;
    this.id = root.dataset.checklist;
    this.version = root.dataset.version;
    this.language = root.dataset.language || document.documentElement.lang || 'fr';
    this.t = parseJSON(root.dataset.ui || '{}', {}) || {};
    this.key = 'checklist-forms:' + this.id + '@' + this.version;
    this.form = root.querySelector('form.checklist-form');
    this.extra = {};  // top-level keys of an imported form worth keeping (acknowledged)
    this.items = [];
    this.byId = {};
    var self = this;
    root.querySelectorAll('.checklist-item[data-item]').forEach(function (node) {
      var item = {
        id: node.dataset.item,
        kind: node.dataset.kind,
        node: node,
        required: node.dataset.required === 'true',
        minSelected: parseInt(node.dataset.minSelected || '1', 10) || 1,
        cond: node.dataset.visibleIf ? parseJSON(node.dataset.visibleIf, null) : null,
        // Controls carry the item id as their name; notes have none.
        controls: Array.prototype.filter.call(
          node.querySelectorAll('input, select, textarea'),
          function (c) { return c.name === node.dataset.item; })
      };
      self.items.push(item);
      self.byId[item.id] = item;
    });
    this.buildToolbar();
    this.restore();
    this.refresh();
    // No server receives this form: Enter in a text field must not reload the page.
    this.form.addEventListener('submit', function (e) { e.preventDefault(); });
    this.form.addEventListener('input', function () { self.changed(); });
    this.form.addEventListener('change', function () { self.changed(); });
  }

  Checklist.prototype.text = function (key, values) {
    return fmt(this.t[key] || key, values || {});
  };

  /* Values as the form file holds them, read from the controls. */
  Checklist.prototype.read = function (item) {
    var c = item.controls;
    switch (item.kind) {
      case 'note': return undefined;
      case 'checkbox': return c[0].checked;
      case 'multi_choice':
        return c.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
      case 'single_choice':
      case 'rating': {
        if (c[0].tagName === 'SELECT') return c[0].value === '' ? null : c[0].value;
        var on = c.filter(function (x) { return x.checked; })[0];
        if (!on) return null;
        return item.kind === 'rating' ? Number(on.value) : on.value;
      }
      case 'number':
        return c[0].value === '' ? null : Number(c[0].value);
      default:  // text, date
        return c[0].value === '' ? null : c[0].value;
    }
  };

  /* Put a value into the controls; returns false when it does not fit the item, so an
   * import can say which answers it dropped. */
  Checklist.prototype.write = function (item, value) {
    var c = item.controls;
    var blank = value === null || value === undefined;
    switch (item.kind) {
      case 'checkbox':
        if (typeof value !== 'boolean' && !blank) return false;
        c[0].checked = value === true;
        return true;
      case 'multi_choice':
        if (!Array.isArray(value) && !blank) return false;
        c.forEach(function (x) { x.checked = !blank && value.indexOf(x.value) !== -1; });
        return true;
      case 'single_choice':
      case 'rating': {
        if (blank) {
          c.forEach(function (x) { if (x.tagName === 'SELECT') x.value = ''; else x.checked = false; });
          return true;
        }
        var wantNumber = item.kind === 'rating';
        if (typeof value !== (wantNumber ? 'number' : 'string')) return false;
        if (c[0].tagName === 'SELECT') {
          var ok = Array.prototype.some.call(c[0].options, function (o) { return o.value === value && value !== ''; });
          if (ok) c[0].value = value;
          return ok;
        }
        var match = c.filter(function (x) { return sameValue(wantNumber ? Number(x.value) : x.value, value); });
        if (!match.length) return false;
        match[0].checked = true;
        return true;
      }
      case 'number':
        if (blank) { c[0].value = ''; return true; }
        if (typeof value !== 'number' || !isFinite(value)) return false;
        c[0].value = String(value);
        return true;
      case 'date':
        if (blank) { c[0].value = ''; return true; }
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        c[0].value = value;
        return c[0].value === value;  // the browser refuses impossible dates
      case 'text':
        if (blank) { c[0].value = ''; return true; }
        if (typeof value !== 'string') return false;
        c[0].value = value;  // .value: imported text stays text, never markup
        return true;
      default:
        return false;
    }
  };

  Checklist.prototype.values = function () {
    var out = {};
    var self = this;
    this.items.forEach(function (item) { out[item.id] = self.read(item); });
    return out;
  };

  /* model.py Checklist.is_visible: the condition holds and its item is itself visible. */
  Checklist.prototype.visible = function (item, values, seen) {
    if (!item.cond) return true;
    seen = seen || {};
    if (seen[item.id]) return false;  // definitions forbid cycles; be safe anyway
    seen[item.id] = true;
    var target = this.byId[item.cond.item];
    if (!holds(item.cond, values[item.cond.item])) return false;
    return target ? this.visible(target, values, seen) : true;
  };

  Checklist.prototype.answered = function (item, value) {
    if (item.kind === 'multi_choice' && Array.isArray(value)) return value.length >= item.minSelected;
    return isAnswered(value);
  };

  Checklist.prototype.blankOf = function (item) {
    if (item.kind === 'checkbox') return false;
    if (item.kind === 'multi_choice') return [];
    return null;
  };

  /* Show what applies, disable what does not (so it is skipped by Tab and by native
   * validation), and count the required answers. */
  Checklist.prototype.refresh = function () {
    var values = this.values();
    var done = 0;
    var total = 0;
    var self = this;
    this.items.forEach(function (item) {
      var shown = self.visible(item, values);
      item.shown = shown;
      if (item.node.hidden === shown) item.node.hidden = !shown;
      item.controls.forEach(function (c) { c.disabled = !shown; });
      if (shown && item.required && item.kind !== 'note') {
        total += 1;
        if (self.answered(item, values[item.id])) done += 1;
      }
    });
    this.complete = done === total;
    this.progress.max = Math.max(total, 1);
    this.progress.value = total ? done : 1;
    var label = this.text('progress', { done: done, total: total });
    // Only touch the live region when the words change, or screen readers repeat them.
    if (this.progressText.textContent !== label) this.progressText.textContent = label;
    return values;
  };

  Checklist.prototype.changed = function () {
    this.refresh();
    this.save();
  };

  /* The filled form, in the shape of the blank form: every answerable item, sorted keys.
   * Items that do not apply are exported blank: their answers would not mean anything. */
  Checklist.prototype.formData = function () {
    var values = this.refresh();
    var answers = {};
    var self = this;
    this.items
      .filter(function (item) { return item.kind !== 'note'; })
      .map(function (item) { return item.id; })
      .sort()
      .forEach(function (id) {
        var item = self.byId[id];
        answers[id] = item.shown ? values[id] : self.blankOf(item);
      });
    var out = { answers: answers, checklist: this.id, language: this.language };
    if (this.extra.acknowledged) out.acknowledged = this.extra.acknowledged;
    out.status = this.complete ? 'final' : 'draft';
    out.version = this.version;
    var sorted = {};
    Object.keys(out).sort().forEach(function (k) { sorted[k] = out[k]; });
    return sorted;
  };

  /* -- Draft in localStorage (may be unavailable: private mode, blocked storage) ---- */

  Checklist.prototype.save = function () {
    var data = { answers: this.values() };
    if (this.extra.acknowledged) data.acknowledged = this.extra.acknowledged;
    try { window.localStorage.setItem(this.key, JSON.stringify(data)); } catch (e) { /* no storage */ }
  };

  Checklist.prototype.restore = function () {
    var raw = null;
    try { raw = window.localStorage.getItem(this.key); } catch (e) { return; }
    var data = raw && parseJSON(raw, null);
    if (!data || typeof data !== 'object' || !data.answers || typeof data.answers !== 'object') return;
    var self = this;
    Object.keys(data.answers).forEach(function (id) {
      var item = self.byId[id];
      if (item && item.kind !== 'note') self.write(item, data.answers[id]);
    });
    if (Array.isArray(data.acknowledged)) this.extra.acknowledged = data.acknowledged;
    this.say(this.text('draft_restored'));
  };

  /* -- Messages ------------------------------------------------------------------------ */

  // Success goes to a polite status region, refusals to an alert; each clears the other.
  Checklist.prototype.say = function (lines, isError) {
    var target = isError ? this.alert : this.status;
    var other = isError ? this.status : this.alert;
    other.textContent = '';
    target.textContent = '';
    [].concat(lines).forEach(function (line) { target.appendChild(el('p', {}, line)); });
  };

  /* -- Toolbar --------------------------------------------------------------------------- */

  Checklist.prototype.buildToolbar = function () {
    var self = this;
    var base = 'cl-' + this.id + '-js';
    var bar = el('div', { 'class': 'checklist-toolbar', role: 'group', 'aria-label': this.text('actions') });
    function button(key, cls, action) {
      var b = el('button', { type: 'button', 'class': 'checklist-button ' + cls }, self.text(key));
      b.addEventListener('click', action);
      bar.appendChild(b);
      return b;
    }
    button('export', 'checklist-export', function () { self.exportForm(); });
    var file = el('input', { type: 'file', accept: '.json,application/json', 'class': 'checklist-file', hidden: '', tabindex: '-1', 'aria-hidden': 'true' });
    button('import', 'checklist-import', function () { file.click(); });
    bar.appendChild(file);
    file.addEventListener('change', function () {
      if (file.files && file.files[0]) self.importFile(file.files[0]);
      file.value = '';  // choosing the same file again must fire "change" again
    });
    button('reset', 'checklist-reset', function () { self.reset(); });
    button('print', 'checklist-print', function () { window.print(); });

    var progress = el('div', { 'class': 'checklist-progress' });
    this.progressText = el('span', { id: base + '-progress', 'class': 'checklist-progress-text', 'aria-live': 'polite' });
    this.progress = el('progress', { 'aria-labelledby': base + '-progress' });
    progress.appendChild(this.progress);
    progress.appendChild(this.progressText);

    this.status = el('div', { 'class': 'checklist-status', role: 'status' });
    this.alert = el('div', { 'class': 'checklist-alert', role: 'alert' });
    var header = this.root.querySelector('.checklist-header') || this.root;
    header.appendChild(bar);
    header.appendChild(progress);
    header.appendChild(this.status);
    header.appendChild(this.alert);
  };

  /* Values the browser itself rejects (letters in a number, out of range, too long)
   * would make the exported file invalid even as a draft: point at the first one. */
  Checklist.prototype.firstInvalid = function () {
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i];
      if (!item.shown) continue;
      for (var j = 0; j < item.controls.length; j++) {
        var v = item.controls[j].validity;
        if (v && (v.badInput || v.rangeOverflow || v.rangeUnderflow || v.tooLong || v.typeMismatch)) {
          return item.controls[j];
        }
      }
    }
    return null;
  };

  Checklist.prototype.exportForm = function () {
    var bad = this.firstInvalid();
    if (bad) {
      bad.focus();
      this.say(bad.validationMessage || this.text('import_bad_value', { id: bad.name }), true);
      return;
    }
    var data = this.formData();
    var blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
    var url = URL.createObjectURL(blob);
    var link = el('a', { href: url, download: this.id + '-' + this.version + '.json' });
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    this.say(this.text(data.status === 'final' ? 'exported_final' : 'exported_draft'));
  };

  Checklist.prototype.importFile = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () { self.importText(String(reader.result)); };
    reader.onerror = function () { self.say(self.text('import_not_json'), true); };
    reader.readAsText(file);
  };

  Checklist.prototype.importText = function (text) {
    var data = parseJSON(text.replace(/^\uFEFF/, ''), undefined);
    if (data === undefined) return this.say(this.text('import_not_json'), true);
    if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.checklist !== 'string' ||
        !data.answers || typeof data.answers !== 'object' || Array.isArray(data.answers)) {
      return this.say(this.text('import_not_form'), true);
    }
    if (data.checklist !== this.id) return this.say(this.text('import_other', { id: data.checklist }), true);
    if (data.version !== this.version) {
      return this.say(this.text('import_version', { version: String(data.version), current: this.version }), true);
    }
    var self = this;
    var notes = [this.text('import_done')];
    // The file replaces the whole form: items it leaves out become blank.
    this.items.forEach(function (item) { if (item.kind !== 'note') self.write(item, null); });
    Object.keys(data.answers).forEach(function (id) {
      var item = self.byId[id];
      if (!item || item.kind === 'note') {
        notes.push(self.text('import_unknown', { id: id }));
      } else if (!self.write(item, data.answers[id])) {
        self.write(item, null);
        notes.push(self.text('import_bad_value', { id: id }));
      }
    });
    this.extra = {};
    if (Array.isArray(data.acknowledged)) this.extra.acknowledged = data.acknowledged.filter(function (a) { return typeof a === 'string'; });
    this.changed();
    this.say(notes);
  };

  Checklist.prototype.reset = function () {
    if (!window.confirm(this.text('confirm_reset'))) return;
    var self = this;
    this.items.forEach(function (item) { if (item.kind !== 'note') self.write(item, null); });
    this.extra = {};
    try { window.localStorage.removeItem(this.key); } catch (e) { /* no storage */ }
    this.refresh();
    this.say(this.text('reset_done'));
  };

  function start() {
    document.querySelectorAll('section.checklist[data-checklist]').forEach(function (root) {
      if (root.querySelector('form.checklist-form') && !root.checklistForm) root.checklistForm = new Checklist(root);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
