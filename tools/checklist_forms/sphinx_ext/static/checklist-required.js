/* Missing required answers in the browser form (checklist.js): on export and on "Check the
 * form", the list of the required items shown but not answered (checklist-rules.js's
 * missing(), the same rule as core's missing_for_final), each a link to its field; a mark
 * on each field (aria-invalid and words, not colour alone) that goes as soon as it is
 * answered; the focus on the first one. Exporting the draft stays possible. */
'use strict';
(function (root) {
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const labelOf = (node) => node.querySelector('legend, label').firstChild.textContent.trim();
  // The field a link or the focus goes to: the chosen radio, else the first control.
  const target = ({ controls }) => controls.find((c) => c.checked) || controls[0];

  class RequiredAnswers {
    constructor(form) {
      this.form = form;
      this.marked = new Map(); // item id -> its mark
      // Built afresh at each check: a new alert is read out; removing lines later is not.
      this.box = el('div', { class: 'checklist-missing', hidden: '' });
    }

    // The required items shown and not answered, in the order of the form
    missing(values) {
      return this.form.m && globalThis.ChecklistRules.missing(this.form.m, values).map((id) => this.form.byId.get(id));
    }

    // True when nothing is missing. Exporting, the list offers to export the draft anyway.
    check(exporting = false) {
      const { form } = this;
      const missing = this.missing(form.values());
      this.box.replaceChildren();
      this.box.hidden = true;
      this.box.removeAttribute('role');
      for (const id of [...this.marked.keys()]) if (!missing.some((i) => i.id === id)) this.unmark(form.byId.get(id));
      if (!missing.length) {
        if (!exporting) form.say(form.text('required_all_given'));
        return true;
      }
      form.say([]);
      missing.forEach((item) => this.mark(item));
      const n = missing.length;
      const title = el('p', { class: 'checklist-missing-title' }, form.text(exporting ? 'missing_on_export' : 'missing_title', { n }));
      this.list = el('ul', { class: 'checklist-missing-list' });
      for (const item of missing) {
        const link = el('a', { href: `#${target(item).id}`, 'data-item': item.id }, labelOf(item.node));
        link.onclick = (e) => { e.preventDefault(); this.focus(item); };
        this.list.append(el('li', { 'data-item': item.id }));
        this.list.lastChild.append(link);
      }
      this.box.append(title, this.list);
      if (exporting) {
        const anyway = el('button', { type: 'button', class: 'checklist-button checklist-export-draft' }, form.text('export_draft', { n }));
        anyway.onclick = () => form.exportForm(true);
        this.box.append(anyway);
      }
      this.box.setAttribute('role', 'alert');
      this.box.hidden = false;
      this.focus(missing[0]);
      return false;
    }

    // Under the sticky toolbar: the item scrolls to its top (scroll-margin-top), then its
    // field takes the focus where it is.
    focus(item) {
      item.node.scrollIntoView({ block: 'start' });
      target(item).focus({ preventScroll: true });
    }

    mark(item) {
      if (this.marked.has(item.id)) return;
      const { form } = this;
      const mark = el('p', { class: 'checklist-missing-mark', id: `cl-${form.id}-${item.id}-missing` }, `\u26a0 ${form.text('missing_mark')}`);
      item.node.querySelector('legend, label').after(mark);
      item.node.classList.add('checklist-item-missing');
      for (const c of item.controls) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute('aria-describedby', `${c.getAttribute('aria-describedby') || ''} ${mark.id}`.trim());
      }
      this.marked.set(item.id, mark);
    }

    unmark(item) {
      const mark = this.marked.get(item.id);
      this.marked.delete(item.id);
      mark.remove();
      item.node.classList.remove('checklist-item-missing');
      for (const c of item.controls) {
        c.removeAttribute('aria-invalid');
        const rest = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== mark.id).join(' ');
        if (rest) c.setAttribute('aria-describedby', rest);
        else c.removeAttribute('aria-describedby');
      }
      this.list?.querySelector(`li[data-item="${CSS.escape(item.id)}"]`)?.remove();
    }

    // At each change: an item answered (or hidden by another answer) loses its mark and its line.
    update(values) {
      if (!this.marked.size) return;
      const still = new Set(this.missing(values).map((i) => i.id));
      for (const id of [...this.marked.keys()]) if (!still.has(id)) this.unmark(this.form.byId.get(id));
      if (!this.marked.size && !this.box.hidden) {
        this.box.querySelector('.checklist-missing-title').textContent = this.form.text('required_all_given');
        this.box.querySelector('.checklist-export-draft')?.remove();
      }
    }
  }

  // The toolbar and the progress (sticky, checklist.css) stop under the theme's own sticky
  // header, whose height changes with the width (one or two rows of menus); the items
  // scroll clear of both (scroll-margin-top).
  RequiredAnswers.keepInView = (form, sticky) => {
    const header = document.querySelector('.bd-header');
    const measure = () => {
      const style = header && getComputedStyle(header);
      const top = style && /sticky|fixed/.test(style.position) ? header.offsetHeight : 0;
      form.style.setProperty('--cl-sticky-top', `${top}px`);
      form.style.setProperty('--cl-sticky-height', `${sticky.offsetHeight}px`);
    };
    const watch = new ResizeObserver(measure);
    [header, sticky].forEach((node) => node && watch.observe(node));
  };

  root.ChecklistRequired = RequiredAnswers;
}(globalThis));
