// Search for the static copy of the site (koryu publish): reads ?q=, filters the small index beside the pages
// with the same normalisation as the server (NFKC, lower case, simplified Chinese characters in their Japanese
// forms, every word a substring), and lists the hits as links to the pages of the page's language, each word marked.
(function () {
  var script = document.currentScript;
  var root = new URL('../', script.src);
  var params = new URLSearchParams(location.search);
  var typed = params.get('q') || '';
  var q = typed.normalize('NFKC').toLowerCase().trim();
  var input = document.getElementById('q');
  if (input) input.value = typed;
  var out = document.getElementById('static-results');
  if (!out || q === '') return;
  var prefix = out.getAttribute('data-prefix') || '';
  // The page's language: an item translated into it is listed in its translation, as the server's search lists it.
  var lang = document.documentElement.lang;
  // A copy opened as files (file://) cannot fetch its index: browsers refuse. The reader is told, in the page's language.
  fetch(new URL('search-index.json', root)).then(function (r) {
    if (!r.ok) throw new Error('search-index.json: ' + r.status);
    return r.json();
  }).then(showHits, function () {
    var notice = document.createElement('p');
    notice.className = 'result-count';
    notice.setAttribute('role', 'status');
    notice.textContent = out.getAttribute('data-unavailable') || 'The search index could not be loaded.';
    out.appendChild(notice);
  });

  function showHits(index) {
    // Simplified Chinese characters read in their Japanese forms (大连 finds 大連), as the server's search reads them.
    var forms = index.forms || {};
    // Words at white space; a phrase in quotes ("…", “…”) is one word, as the server reads a query.
    var folded = Array.from(q).map(function (c) { return forms[c] || c; }).join('');
    var words = Array.from(folded.matchAll(/["“”]([^"“”]*)["“”]|[^\s"“”]+/g)).map(function (m) { return (m[1] !== undefined ? m[1] : m[0]).trim(); }).filter(function (w) { return w !== ''; });
    var hits = index.items.filter(function (item) {
      return words.every(function (w) { return item.n.indexOf(w) >= 0; });
    });
    var count = document.createElement('p');
    count.className = 'result-count';
    count.textContent = (out.getAttribute('data-count') || '{total}').replace('{q}', typed.trim()).replace('{total}', String(hits.length));
    out.appendChild(count);
    var list = document.createElement('ol');
    list.className = 'hits';
    hits.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = new URL(prefix + item.href, root).href;
      var translated = item.tr && item.tr[lang];
      if (translated) a.lang = lang;
      else if (lang !== 'ja') a.lang = 'ja';
      appendMarked(a, translated || item.t, words, forms);
      var meta = document.createElement('span');
      meta.className = 'hit-meta';
      meta.textContent = ' — ' + item.partner + ' ' + item.y;
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  // The text with each word's occurrences in <mark>, as text nodes (never as markup). Marked only where normalising
  // keeps the text's length, so that places in the normalised text are places in the text.
  function appendMarked(parent, text, words, forms) {
    // Simplified characters in their Japanese forms, as the words are (one UTF-16 unit each way).
    var normal = text.normalize('NFKC').toLowerCase().replace(/[\s\S]/g, function (c) { return forms[c] || c; });
    var marked = new Array(text.length).fill(false);
    if (normal.length === text.length) {
      words.forEach(function (w) {
        for (var at = normal.indexOf(w); at >= 0; at = normal.indexOf(w, at + 1)) for (var k = at; k < at + w.length; k++) marked[k] = true;
      });
    }
    var i = 0;
    while (i < text.length) {
      var j = i;
      while (j < text.length && marked[j] === marked[i]) j++;
      var piece = document.createTextNode(text.slice(i, j));
      if (marked[i]) {
        var mark = document.createElement('mark');
        mark.appendChild(piece);
        parent.appendChild(mark);
      } else parent.appendChild(piece);
      i = j;
    }
  }
})();
