// Run by checklist_forms.site.pdf inside the singlehtml page, before the first print
// (Playwright's page.evaluate; the page's own scripts are disabled). Turns the page into a
// book: links repaired, headings re-levelled, drop-downs and dates made printable, a
// cover and a table of contents whose page numbers fill-contents.js writes later.
// One expression, a function of {labels, edition, tocDepth}; checked by `node --check`.
({labels, edition, tocDepth}) => {
  const doc = document;
  const html = doc.documentElement;
  html.dataset.theme = 'light';
  html.dataset.mode = 'light';
  html.classList.add('pdf-book');
  const article = doc.querySelector('article.bd-article') || doc.querySelector('[role=main]') || doc.body;
  const text = el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(a => a.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const canonical = doc.querySelector('link[rel=canonical]');
  const site = canonical ? canonical.href.split('#')[0] : '';

  // Links. Sphinx writes a link to another page's anchor as #document-<page>#<anchor>.
  const unique = id => doc.querySelectorAll(`[id="${CSS.escape(id)}"]`).length === 1;
  let made = 0;
  for (const a of article.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    const cross = href.match(/^#document-([^#]*)#(.+)$/);
    if (cross) {
      const [, page, anchor] = cross;
      if (unique(anchor)) { a.setAttribute('href', '#' + anchor); continue; }
      const start = doc.getElementById('document-' + page);
      const scope = start && start.nextElementSibling;
      const target = scope && (scope.id === anchor ? scope : scope.querySelector(`[id="${CSS.escape(anchor)}"]`));
      if (target) {
        const mark = doc.createElement('span');
        mark.id = `pdf-anchor-${++made}`;
        target.before(mark);
        a.setAttribute('href', '#' + mark.id);
      } else {
        a.setAttribute('href', '#' + anchor);
      }
      continue;
    }
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || !site) continue;
    a.setAttribute('href', new URL(href, site).href);
  }

  // Headings: level = depth of the page in the toctrees + depth of the section in its page.
  const isSection = el => el.tagName === 'SECTION' && !el.classList.contains('checklist');
  const headings = [];
  for (const h of Array.from(article.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const section = h.parentElement;
    if (!section || !isSection(section) || h.closest('.checklist')) continue;
    let pages = 0, inPage = 0, counting = true;
    for (let p = section.parentElement; p && p !== article; p = p.parentElement) {
      if (p.classList.contains('toctree-wrapper')) { pages++; counting = false; }
      else if (counting && isSection(p)) inPage++;
    }
    const level = Math.min(6, pages === 0 ? inPage + 1 : pages + inPage);
    const title = text(h);
    const heading = doc.createElement('h' + level);
    for (const attr of Array.from(h.attributes)) heading.setAttribute(attr.name, attr.value);
    heading.append(...h.childNodes);
    h.replaceWith(heading);
    if (level === 1) section.classList.add('pdf-chapter');
    // The contents point at the heading, not its section: a section may start at the foot
    // of a page whose heading was pushed to the next one.
    if (!heading.id && section.id) heading.id = `pdf-title-${section.id}`;
    headings.push({level, title, id: heading.id, heading, root: pages === 0 && inPage === 0});
  }
  const root = headings.find(h => h.root);
  // The start page's title is the handbook's, translated (html_title is not).
  const title = root ? root.title
    : (doc.querySelector('meta[property="og:site_name"]') || {}).content || doc.title;
  if (root) {
    // The cover carries the handbook's title; the start page becomes the introduction.
    root.title = labels.introduction;
    const link = root.heading.querySelector('.headerlink');
    root.heading.textContent = labels.introduction;
    if (link) root.heading.append(link);
  }

  // Drop-down lists become the radio choices they stand for.
  for (const select of Array.from(article.querySelectorAll('.checklist select'))) {
    const list = doc.createElement('ul');
    list.className = 'checklist-choices pdf-choices';
    for (const option of Array.from(select.options)) {
      if (!option.value) continue;
      const item = doc.createElement('li');
      const box = doc.createElement('input');
      box.type = 'radio';
      box.name = select.name;
      box.id = `${select.id}-${option.value}`;
      box.value = option.value;
      const label = doc.createElement('label');
      label.htmlFor = box.id;
      label.textContent = option.textContent;
      item.append(box, ' ', label);
      list.append(item);
    }
    select.replaceWith(list);
  }
  // Date fields: headless Chromium draws them in its own interface language (mm/dd/yyyy).
  for (const input of Array.from(article.querySelectorAll('.checklist input[type=date]'))) {
    input.type = 'text';
    input.placeholder = labels.date_field;
    input.classList.add('pdf-date');
  }

  // Cover.
  const copyright = doc.querySelector('.copyright');
  const cover = doc.createElement('section');
  cover.className = 'pdf-cover';
  const para = (cls, content) => {
    const p = doc.createElement('p');
    p.className = cls;
    p.textContent = content;
    cover.append(p);
    return p;
  };
  para('pdf-cover-title', title);
  para('pdf-cover-edition', edition);
  if (site) {
    const p = para('pdf-cover-online', labels.online + ' ');
    const a = doc.createElement('a');
    a.href = site;
    a.textContent = site;
    p.append(a);
  }
  if (copyright) para('pdf-cover-licence', text(copyright).replace(/\.$/, ''));

  // Table of contents; the page numbers are filled in after a first print.
  const toc = doc.createElement('nav');
  toc.className = 'pdf-toc';
  toc.setAttribute('aria-labelledby', 'pdf-toc-title');
  const tocTitle = doc.createElement('h1');
  tocTitle.id = 'pdf-toc-title';
  tocTitle.textContent = labels.contents;
  const list = doc.createElement('ol');
  for (const h of headings) {
    if (h.level > tocDepth || !h.id) continue;
    const item = doc.createElement('li');
    item.className = `pdf-toc-l${h.level}`;
    const a = doc.createElement('a');
    a.href = '#' + h.id;
    const label = doc.createElement('span');
    label.className = 'pdf-toc-text';
    label.textContent = h.title;
    const number = doc.createElement('span');
    number.className = 'pdf-toc-page';
    number.dataset.target = h.id;
    a.append(label, number);
    item.append(a);
    list.append(item);
  }
  toc.append(tocTitle, list);
  article.prepend(cover, toc);
  doc.title = title;
  return {title, entries: list.children.length,
          targets: Array.from(list.querySelectorAll('[data-target]'), n => n.dataset.target)};
}
