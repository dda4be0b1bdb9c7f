// Run by checklist_forms.site.pdf after each print: writes the page number of every
// contents entry, read back from the PDF's named destinations ({target id: page}).
pages => {
  for (const node of document.querySelectorAll('.pdf-toc-page[data-target]')) {
    const page = pages[node.dataset.target];
    node.textContent = page === undefined ? '' : String(page);
  }
}
