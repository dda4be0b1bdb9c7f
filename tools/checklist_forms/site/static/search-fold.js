/* Accent-insensitive French search: fold accents after stemming, as the index does
   (checklist_forms/site/search.py). Loaded with defer on the search page only, so it runs
   after language_data.js has defined Stemmer and before the search starts. */
"use strict";
(function () {
  var Base = window.Stemmer;
  if (typeof Base !== "function") return;
  function fold(word) {
    return word
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/Œ/g, "oe").replace(/Æ/g, "ae")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  window.Stemmer = function () {
    var inner = new Base();
    this.stemWord = function (word) { return fold(inner.stemWord(word)); };
  };
})();
