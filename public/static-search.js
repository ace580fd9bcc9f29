// Search for the static copy of the site (koryu publish): reads ?q=, filters the small index beside the pages
// with the same normalisation as the server (NFKC, lower case, every word a substring), and lists the hits as links.
(function () {
  var script = document.currentScript;
  var root = new URL('../', script.src);
  var params = new URLSearchParams(location.search);
  var q = (params.get('q') || '').normalize('NFKC').toLowerCase().trim();
  var input = document.getElementById('q');
  if (input) input.value = params.get('q') || '';
  var out = document.getElementById('static-results');
  if (!out || q === '') return;
  fetch(new URL('search-index.json', root)).then(function (r) { return r.json(); }).then(function (index) {
    // Simplified Chinese characters read in their Japanese forms (大连 finds 大連), as the server's search reads them.
    var forms = index.forms || {};
    var words = Array.from(q).map(function (c) { return forms[c] || c; }).join('').split(/\s+/).filter(function (w) { return w !== ''; });
    var hits = index.items.filter(function (item) {
      return words.every(function (w) { return item.n.indexOf(w) >= 0; });
    });
    var count = document.createElement('p');
    count.className = 'showing';
    count.textContent = (out.getAttribute('data-count') || '{count}').replace('{count}', String(hits.length));
    out.appendChild(count);
    var list = document.createElement('ol');
    list.className = 'hits';
    hits.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = new URL(item.href, root).href;
      a.textContent = item.t;
      var meta = document.createElement('span');
      meta.className = 'hit-meta';
      meta.textContent = ' — ' + item.partner + ' ' + item.y;
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
    out.appendChild(list);
  });
})();
