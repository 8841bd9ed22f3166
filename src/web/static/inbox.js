// Refreshes the inbox table every 20 s without reloading the page (no inline script: CSP 'self'); the table
// comes in the page's language (the server's choice of locale; the header only helps when no choice was made).
(function () {
  var box = document.getElementById('inbox');
  if (!box) return;
  var url = box.getAttribute('data-refresh');
  function refresh() {
    if (document.hidden || box.contains(document.activeElement)) return;
    fetch(url, {
      credentials: 'same-origin',
      headers: { accept: 'text/html', 'accept-language': document.documentElement.lang || 'pl' },
    })
      .then(function (res) {
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html !== null) box.innerHTML = html;
      })
      .catch(function () {});
  }
  setInterval(refresh, 20000);
})();
