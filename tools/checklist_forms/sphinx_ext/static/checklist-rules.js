/* The rules of a checklist, without a browser: visibility, answered, scoring and outcome,
 * guard screening. The same rules as checklist_forms.core (model.py, answered.py,
 * score.py, guard.py), applied to the page's JSON data block; tests/conformance/ runs
 * both on the same cases. A classic script for the page (ChecklistRules on globalThis)
 * and a CommonJS module for `node --test`. No DOM here. */
'use strict';
(function (root) {
  // str.strip(): trim() drops U+FEFF, keeps U+001C-001F and U+0085
  const strip = (s) => s.replace(/^(?:[^\S\ufeff]|[\x1c-\x1f\x85])+|(?:[^\S\ufeff]|[\x1c-\x1f\x85])+$/g, '');

  // guard.fold per character. NFD shows combining classes: a mark of class 1-239 goes
  // before U+0345 (240).
  const fold = (c) => [...c.replace(/[\u0152\u0153]/, 'oe').replace(/[\u00c6\u00e6]/, 'ae').normalize('NFD')]
    .filter((m) => m !== '\u0345' && `\u0345${m}`.normalize('NFD')[0] === '\u0345').join('').toLowerCase();
  // Python's Unicode \b \d \w
  const W = '[\\p{L}\\p{N}_]';
  const CLASSES = { b: `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`, d: '\\p{Nd}', w: W };
  const regex = (p) => new RegExp(p.replace(/\\(.)/g, (m, c) => CLASSES[c] || m), 'gu');

  // score.max_value: the best an item can score, or undefined when it is not scored
  const maxValue = (i) => {
    const top = (list) => (list.length ? Math.max(...list) : undefined);
    if (i.kind === 'rating') return top((i.levels || []).map((l) => l.value));
    if (i.kind === 'single_choice') return top((i.choices || []).filter((c) => c.score != null).map((c) => c.score));
    if (i.kind === 'number') return i.max == null ? undefined : i.max;
    return undefined;
  };

  // The page's data block made ready for the rules (patterns compiled once).
  function compile(data) {
    const def = data.checklist;
    const rules = data.answer_rules;
    const items = (def.sections || []).flatMap((s) => s.items || []);
    const guard = data.guard
      ? { rules: data.guard.rules.map((r) => ({ ...r, re: r.patterns.map(regex) })), ...data.guard.stopwords }
      : null;
    return {
      id: def.id, version: def.version, language: def.language || 'fr', scoring: def.scoring || null,
      guards: def.guards || [], items, answerable: items.filter((i) => i.kind !== 'note'),
      byId: new Map(items.map((i) => [i.id, i])), guard,
      visible: new RegExp(rules.visible_text, 'u'), date: new RegExp(rules.date, 'u'), dateLength: rules.date_length,
    };
  }

  // answered.has_visible_text and answered.is_date
  const hasVisibleText = (m, s) => m.visible.test(s);
  const isDate = (m, s) => typeof s === 'string' && s.length === m.dateLength && m.date.test(s);

  // model.is_answered (same_value is ===: true is not 1)
  const isAnswered = (m, v) => v != null && v !== false
    && (typeof v === 'string' ? hasVisibleText(m, v) : !Array.isArray(v) || v.length > 0);
  // Item.answered: a required item holds a real answer
  const itemAnswered = (m, item, v) => (item.kind === 'multi_choice' && Array.isArray(v)
    ? v.length >= Math.max(1, item.min_selected || 1) : isAnswered(m, v));
  const blankOf = (kind) => (kind === 'checkbox' ? false : kind === 'multi_choice' ? [] : null);
  const value = (answers, id) => (answers[id] === undefined ? null : answers[id]);

  // Condition.holds
  const holds = (m, c, v) => (c.answered !== undefined ? isAnswered(m, v) === c.answered
    : [].concat(v).some((g) => (c.any_of || [c.equals]).includes(g)));

  // Checklist.is_visible: the item's condition, and those of the items it depends on
  function isVisible(m, item, answers) {
    const seen = new Set();
    for (let current = item; current && current.visible_if; current = m.byId.get(current.visible_if.item)) {
      if (seen.has(current.id)) return false; // definitions forbid cycles
      seen.add(current.id);
      if (!holds(m, current.visible_if, value(answers, current.visible_if.item))) return false;
    }
    return true;
  }

  // The answers as a form exports them: blank where the item does not apply
  const exported = (m, answers) => Object.fromEntries(m.answerable.map((i) => [i.id,
    isVisible(m, i, answers) ? value(answers, i.id) : blankOf(i.kind)]));

  // Checklist.missing_for_final
  const missing = (m, answers) => m.answerable
    .filter((i) => i.required && isVisible(m, i, answers) && !itemAnswered(m, i, value(answers, i.id)))
    .map((i) => i.id);

  function tally(m, answers) {
    const { outcomes = [] } = m.scoring;
    const totals = Object.fromEntries(outcomes.map((o) => [o.id, 0]));
    const reasons = [];
    for (const item of m.answerable) {
      if (!isVisible(m, item, answers)) continue;
      const v = value(answers, item.id);
      const gained = {};
      const add = (points) => Object.entries(points || {}).forEach(([o, p]) => { gained[o] = (gained[o] || 0) + p; });
      if (item.kind === 'checkbox' && v === true) add(item.points);
      else if (item.kind === 'single_choice' || item.kind === 'multi_choice') {
        const selected = [].concat(v);
        for (const c of item.choices || []) if (selected.includes(c.value)) add(c.points);
      }
      const points = Object.entries(gained).filter(([o, p]) => p && o in totals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (!points.length) continue;
      points.forEach(([o, p]) => { totals[o] += p; });
      reasons.push({ item: item.id, value: v, points: Object.fromEntries(points) });
    }
    let outcome = null;
    for (const { id } of outcomes) if (totals[id] > 0 && (outcome === null || totals[id] > totals[outcome])) outcome = id;
    return { method: 'tally', totals, outcome, reasons };
  }

  function weighted(m, answers) {
    const { outcomes = [] } = m.scoring;
    const reasons = [];
    const failed = [];
    let earned = 0, possible = 0, rated = 0, scored = 0;
    for (const item of m.answerable) {
      const top = maxValue(item);
      if (top === undefined || !isVisible(m, item, answers)) continue;
      scored += 1;
      const v = value(answers, item.id);
      let x = null;
      if (item.kind === 'single_choice') {
        const choice = (item.choices || []).find((c) => c.value === v);
        x = choice && choice.score != null ? choice.score : null;
      } else if (typeof v === 'number' && Number.isFinite(v)) x = v;
      if (item.must_have != null && (x === null || x < item.must_have)) failed.push(item.id);
      if (x === null) continue;
      const weight = item.weight == null ? 1 : item.weight;
      rated += 1;
      earned += weight * x;
      possible += weight * top;
      reasons.push({ item: item.id, value: v, weight, max: top });
    }
    // score.round1: the same operations, so the same float
    const score = possible > 0 ? Math.floor(earned / possible * 100 * 10 + 0.5) / 10 : null;
    let outcome = failed.length ? outcomes.find((o) => o.when_must_have_fails) : undefined;
    if (!outcome && score !== null) outcome = outcomes.find((o) => o.min != null && !o.when_must_have_fails && score >= o.min);
    return {
      method: 'weighted', score, rated, scored_items: scored, must_have_failed: failed,
      outcome: outcome ? outcome.id : null, reasons,
    };
  }

  // score.evaluate
  function evaluate(m, answers) {
    if (!m.scoring) return null;
    const result = m.scoring.method === 'tally' ? tally(m, answers) : weighted(m, answers);
    result.flags = (m.scoring.flags || []).filter((f) => holds(m, f.when, value(answers, f.when.item))).map((f) => f.id);
    return result;
  }

  // guard.screen on one text: [rule, words] pairs (where[] maps folded to typed characters)
  function findings(m, text) {
    const { guard } = m;
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
      ? m.language === 'fr' && en >= 3 && en > 2 * count(guard.fr) ? [s.slice(0, 40).join('') + (s[40] ? '\u2026' : '')] : []
      : rule.re.flatMap((re) => [...f.matchAll(re)].filter((x) => x[0])
        .map((x) => chars.slice(where[x.index], where[x.index + x[0].length - 1] + 1).join(''))))]])
      .filter(([, words]) => words.length);
  }

  // Whether guard.screen looks at this item's answer
  const screened = (m, item, answers) => !!m.guard && item.kind === 'text' && item.guard !== false
    && isVisible(m, item, answers);

  // guard.screen: every finding as {item, rule, words}
  function screen(m, answers) {
    const out = [];
    for (const item of m.answerable) {
      const v = value(answers, item.id);
      if (!screened(m, item, answers) || typeof v !== 'string' || !hasVisibleText(m, v)) continue;
      for (const [rule, words] of findings(m, v)) out.push({ item: item.id, rule: rule.id, words });
    }
    return out;
  }

  const api = {
    compile, strip, hasVisibleText, isDate, isAnswered, itemAnswered, blankOf, holds, isVisible,
    exported, missing, maxValue, evaluate, findings, screened, screen,
  };
  root.ChecklistRules = api;
  if (typeof module === 'object' && module.exports) module.exports = api;
}(typeof globalThis === 'object' ? globalThis : this));
